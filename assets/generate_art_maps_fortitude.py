#!/usr/bin/env python3
"""Draw the two chapter maps, the five "Fortitude" backgrounds and five new
portraits with code (Pillow only, no download, fixed seeds).

The style follows assets/generate_art.py (same helpers, imported from it):
flat "poster / gouache" scenes reduced to 256 colours and 4x supersampled
portraits in a rounded-square frame.  The maps are calm flat cartography
drawn from approximate real latitude / longitude polylines; they carry no
text, no labels and no town dots (the game draws pins on top, see
assets/maps/README.md for the projections and pixel positions).

Usage:  python assets/generate_art_maps_fortitude.py
Output: assets/maps/*.png (1280x720 RGB) + assets/maps/README.md,
        assets/backgrounds/fort_*.png (1280x720 RGB),
        assets/portraits/{peggy,tom,clarke,hans,wilson}.png (256x256 RGBA).
"""

from __future__ import annotations

import math
import random
import sys
from pathlib import Path

from PIL import Image, ImageChops, ImageDraw, ImageFilter

sys.path.insert(0, str(Path(__file__).resolve().parent))

from generate_art import (  # noqa: E402  (shared style helpers, not modified)
    BG_DIR, DW, H, INK, LW, PORTRAIT_DIR, PSS, PW, SS, W, C, Pen, arc_pts, bezier, bust, buttons, clip_to, cloud,
    face, finish, finish_portrait, frame, glaze, glow, haze_band, head, jitter, mix,
    new_canvas, paint_sky, portrait_backdrop, reeds, round_tree, save_png, shade, side_hair, stratus,
    vertical_gradient,
)

ROOT = Path(__file__).resolve().parent
MAP_DIR = ROOT / "maps"
SEED = 1944


# ==========================================================================
# MAPS
# ==========================================================================

def proj_npdc(lat, lon):
    """Nord-Pas-de-Calais map: lon 1.30..4.52 E, lat 51.13..49.98 N."""
    return (lon - 1.30) / 3.22 * 1280, (51.13 - lat) / 1.15 * 720


def proj_channel(lat, lon):
    """Channel map: lon -6.2..4.0 E, lat 52.5..48.9 N."""
    return (lon + 6.2) / 10.2 * 1280, (52.5 - lat) / 3.6 * 720


# -- geography (approximate real coordinates, (lat, lon) in degrees) ---------

# French coast from the Pays de Caux (Le Treport) to the Belgian border, then
# the Belgian coast.  Used by both maps.
COAST_CAUX_TO_BELGIUM = [
    (49.93, 1.08), (49.97, 1.16), (50.02, 1.31), (50.06, 1.37), (50.10, 1.45), (50.15, 1.47),
    (50.18, 1.49), (50.205, 1.53), (50.215, 1.565),                       # Cayeux, Le Hourdel
    (50.205, 1.60), (50.187, 1.628), (50.182, 1.66), (50.19, 1.69),         # Somme bay, St-Valery
    (50.205, 1.70), (50.215, 1.665), (50.218, 1.63), (50.232, 1.60),        # Le Crotoy
    (50.236, 1.572), (50.25, 1.575),                                        # Pointe de Saint-Quentin
    (50.27, 1.575), (50.30, 1.555), (50.34, 1.553),                         # Marquenterre, Fort-Mahon
    (50.355, 1.57), (50.362, 1.615), (50.372, 1.61), (50.378, 1.57),        # Authie bay
    (50.40, 1.556), (50.45, 1.567), (50.50, 1.575),                         # Berck
    (50.522, 1.583), (50.512, 1.62), (50.515, 1.645), (50.535, 1.625),      # Canche bay, Etaples
    (50.55, 1.592), (50.60, 1.578), (50.65, 1.575), (50.70, 1.566),         # Hardelot, Le Portel
    (50.722, 1.585), (50.735, 1.596), (50.77, 1.603), (50.81, 1.597),       # Boulogne, Wimereux
    (50.85, 1.585), (50.871, 1.582), (50.885, 1.62), (50.895, 1.66),        # Gris-Nez, Wissant
    (50.918, 1.69), (50.932, 1.716), (50.948, 1.765), (50.962, 1.84),       # Blanc-Nez, Sangatte
    (50.966, 1.86), (50.975, 1.90), (50.99, 2.00), (51.005, 2.10),          # Calais, Gravelines
    (51.02, 2.20), (51.035, 2.30), (51.047, 2.38), (51.07, 2.47),           # Dunkerque
    (51.089, 2.546), (51.10, 2.59), (51.125, 2.66), (51.15, 2.72),          # border, De Panne
    (51.23, 2.92), (51.31, 3.13), (51.335, 3.20), (51.35, 3.29), (51.375, 3.37),   # Ostend .. Cadzand
]

# French-Belgian border, from the coast to the Thierache.
BORDER_FR_BE = [
    (51.089, 2.546), (51.06, 2.575), (51.02, 2.60), (50.99, 2.625), (50.95, 2.63), (50.92, 2.60),
    (50.88, 2.60), (50.85, 2.63), (50.82, 2.66), (50.795, 2.72), (50.77, 2.78), (50.745, 2.82),
    (50.72, 2.86), (50.70, 2.89), (50.72, 2.93), (50.745, 2.965), (50.77, 3.00), (50.78, 3.05),
    (50.785, 3.10), (50.79, 3.13), (50.765, 3.17), (50.74, 3.19), (50.715, 3.215), (50.69, 3.235),
    (50.665, 3.255), (50.635, 3.27), (50.60, 3.275), (50.56, 3.285), (50.53, 3.32), (50.51, 3.39),
    (50.50, 3.45), (50.485, 3.51), (50.46, 3.56), (50.435, 3.61), (50.41, 3.665), (50.385, 3.695),
    (50.36, 3.73), (50.34, 3.79), (50.33, 3.85), (50.345, 3.91), (50.33, 3.97), (50.315, 4.03),
    (50.305, 4.09), (50.28, 4.15), (50.245, 4.17), (50.20, 4.15), (50.16, 4.14), (50.12, 4.16),
    (50.07, 4.17), (50.03, 4.155), (50.00, 4.17), (49.97, 4.20), (49.93, 4.23),
]

# boundary between the departements of the Nord (east) and Pas-de-Calais
BOUNDARY_NORD_PDC = [
    (51.005, 2.10), (50.98, 2.125), (50.93, 2.15), (50.87, 2.185), (50.83, 2.21), (50.80, 2.245),
    (50.78, 2.29), (50.765, 2.325), (50.74, 2.35), (50.715, 2.37), (50.69, 2.39), (50.66, 2.42),
    (50.645, 2.45), (50.635, 2.51), (50.628, 2.58), (50.632, 2.66), (50.645, 2.72), (50.66, 2.78),
    (50.672, 2.82), (50.645, 2.835), (50.61, 2.815), (50.575, 2.80), (50.54, 2.79), (50.515, 2.83),
    (50.505, 2.90), (50.495, 2.96), (50.475, 3.01), (50.45, 3.025), (50.415, 3.03), (50.38, 3.015),
    (50.35, 3.005), (50.325, 3.04), (50.295, 3.085), (50.26, 3.10), (50.225, 3.13), (50.19, 3.145),
    (50.155, 3.13), (50.12, 3.10), (50.085, 3.10), (50.055, 3.09), (50.03, 3.075),
]

# southern edge of the region: the Authie (Pas-de-Calais / Somme), then the
# Nord / Somme and Nord / Aisne boundaries as far as the Belgian border
SOUTH_EDGE = [
    (50.372, 1.59), (50.36, 1.66), (50.34, 1.76), (50.30, 1.90), (50.26, 2.02), (50.225, 2.14),
    (50.19, 2.27), (50.17, 2.36), (50.15, 2.47), (50.125, 2.58), (50.10, 2.70), (50.08, 2.82),
    (50.045, 2.90), (50.03, 3.00), (50.03, 3.075), (50.01, 3.17), (50.04, 3.28), (50.05, 3.40),
    (50.03, 3.52), (50.02, 3.63), (50.03, 3.76), (50.01, 3.89), (49.995, 4.00), (49.985, 4.10),
    (49.99, 4.165),
]

RIVERS_NPDC = [
    # Aa: Bourthes - Fauquembergues - Lumbres - Wizernes - Saint-Omer - Watten - Gravelines
    [(50.61, 1.93), (50.60, 2.02), (50.61, 2.09), (50.66, 2.10), (50.71, 2.13), (50.71, 2.23),
     (50.74, 2.255), (50.77, 2.25), (50.83, 2.21), (50.90, 2.17), (50.96, 2.13), (51.005, 2.105)],
    # Lys: Lisbourg - Therouanne - Aire - Merville - Armentieres - Comines - Menen - Kortrijk - Ghent
    [(50.51, 2.22), (50.58, 2.24), (50.635, 2.27), (50.64, 2.40), (50.65, 2.52), (50.64, 2.64),
     (50.645, 2.72), (50.675, 2.82), (50.69, 2.88), (50.72, 2.93), (50.77, 3.00), (50.785, 3.05),
     (50.80, 3.12), (50.83, 3.27), (50.90, 3.40), (50.98, 3.55), (51.06, 3.72)],
    # Deule: Lens - Lille - Deulemont
    [(50.43, 2.86), (50.48, 2.94), (50.53, 2.98), (50.60, 3.00), (50.64, 3.03), (50.68, 3.00),
     (50.73, 2.95)],
    # Scarpe: Arras - Vitry - Douai - Marchiennes - Saint-Amand - Mortagne
    [(50.33, 2.55), (50.30, 2.68), (50.29, 2.78), (50.31, 2.90), (50.33, 2.98), (50.37, 3.08),
     (50.40, 3.20), (50.41, 3.28), (50.45, 3.43), (50.50, 3.46)],
    # Escaut / Scheldt: Gouy - Cambrai - Bouchain - Denain - Valenciennes - Conde - Mortagne - Tournai
    [(49.99, 3.26), (50.08, 3.24), (50.18, 3.23), (50.28, 3.31), (50.33, 3.39), (50.36, 3.52),
     (50.42, 3.55), (50.45, 3.59), (50.50, 3.46), (50.61, 3.39), (50.75, 3.45), (50.85, 3.60),
     (51.00, 3.70), (51.06, 3.72), (51.12, 3.90), (51.22, 4.30)],
    # Sambre: Landrecies - Maubeuge - Jeumont - Charleroi
    [(50.03, 3.62), (50.13, 3.69), (50.20, 3.80), (50.27, 3.93), (50.28, 3.97), (50.295, 4.10),
     (50.35, 4.25), (50.41, 4.44), (50.42, 4.60)],
    # Canche: Hesdin - Montreuil - Etaples
    [(50.33, 2.30), (50.37, 2.04), (50.42, 1.90), (50.46, 1.76), (50.50, 1.68), (50.514, 1.635)],
    # Authie
    [(50.16, 2.45), (50.20, 2.27), (50.24, 2.10), (50.30, 1.90), (50.34, 1.76), (50.362, 1.64)],
    # Somme: Pont-Remy - Abbeville - Saint-Valery
    [(49.93, 2.05), (50.00, 1.96), (50.055, 1.91), (50.105, 1.83), (50.15, 1.72), (50.185, 1.672)],
    # Yser / IJzer: Buysscheure - Esquelbecq - Diksmuide - Nieuwpoort
    [(50.80, 2.34), (50.86, 2.40), (50.89, 2.43), (50.90, 2.55), (50.92, 2.62), (50.97, 2.75),
     (51.03, 2.86), (51.10, 2.80), (51.15, 2.73)],
    # Haine: Mons - Conde
    [(50.48, 4.25), (50.455, 3.95), (50.43, 3.80), (50.44, 3.65), (50.45, 3.59)],
    # Liane at Boulogne
    [(50.66, 1.80), (50.70, 1.68), (50.72, 1.61), (50.725, 1.595)],
]

FORESTS_NPDC = [   # (lat, lon, radius in px) soft green patches
    (50.82, 2.17, 16), (50.78, 2.31, 13), (50.68, 2.62, 18), (50.20, 3.73, 22), (50.41, 3.45, 20),
    (50.68, 1.86, 12), (50.62, 1.64, 10), (50.70, 1.72, 10), (50.38, 2.00, 14), (50.25, 1.88, 16),
    (50.06, 4.05, 14), (50.51, 3.02, 10), (50.03, 3.96, 16), (50.72, 2.03, 8),
]

ENGLAND_DOVER = [(51.05, 1.10), (51.075, 1.18), (51.095, 1.25), (51.112, 1.30), (51.125, 1.34),
                 (51.14, 1.37), (51.22, 1.40), (51.30, 1.40), (51.30, 1.00)]

# -- southern Britain for the Channel map ------------------------------------

BRITAIN = [
    (52.60, -4.05), (52.41, -4.09), (52.25, -4.25), (52.13, -4.55), (52.10, -4.70), (52.03, -4.92),
    (52.01, -4.98), (52.03, -5.08), (51.95, -5.20), (51.90, -5.31), (51.85, -5.17), (51.78, -5.10),
    (51.74, -5.24), (51.68, -5.17), (51.70, -5.05), (51.66, -4.93), (51.64, -4.80), (51.67, -4.70),
    (51.72, -4.55), (51.75, -4.40), (51.68, -4.27), (51.60, -4.30), (51.56, -4.33), (51.57, -4.15),
    (51.57, -3.99), (51.62, -3.92), (51.57, -3.79), (51.48, -3.70), (51.40, -3.48), (51.39, -3.27),
    (51.46, -3.16), (51.55, -2.95), (51.62, -2.70), (51.70, -2.52), (51.63, -2.62), (51.52, -2.69),
    (51.44, -2.86), (51.35, -2.98), (51.24, -3.00), (51.21, -3.13), (51.21, -3.47), (51.25, -3.78),
    (51.23, -3.85), (51.21, -4.12), (51.19, -4.21), (51.14, -4.26), (51.05, -4.20), (51.02, -4.35),
    (51.02, -4.53), (50.92, -4.55), (50.83, -4.56), (50.67, -4.76), (50.55, -5.02), (50.42, -5.10),
    (50.32, -5.22), (50.21, -5.48), (50.13, -5.70), (50.07, -5.71), (50.04, -5.65), (50.07, -5.54),
    (50.12, -5.53), (50.10, -5.43), (50.05, -5.30), (49.96, -5.20), (50.01, -5.08), (50.08, -5.05),
    (50.15, -5.05), (50.19, -4.97), (50.22, -4.80), (50.27, -4.78), (50.33, -4.73), (50.33, -4.64),
    (50.35, -4.45), (50.31, -4.22), (50.36, -4.17), (50.37, -4.13), (50.32, -4.05), (50.28, -3.95),
    (50.21, -3.78), (50.22, -3.64), (50.34, -3.57), (50.40, -3.48), (50.46, -3.52), (50.55, -3.49),
    (50.62, -3.40), (50.68, -3.24), (50.72, -2.94), (50.71, -2.76), (50.62, -2.50), (50.52, -2.46),
    (50.515, -2.44), (50.56, -2.42), (50.61, -2.45), (50.62, -2.30), (50.58, -2.06), (50.61, -1.95),
    (50.67, -1.93), (50.72, -1.88), (50.73, -1.74), (50.71, -1.56), (50.75, -1.52), (50.79, -1.38),
    (50.90, -1.42), (50.86, -1.33), (50.80, -1.24), (50.79, -1.13), (50.80, -1.09), (50.78, -0.98),
    (50.72, -0.79), (50.78, -0.68), (50.80, -0.54), (50.81, -0.37), (50.82, -0.14), (50.79, 0.05),
    (50.74, 0.24), (50.77, 0.29), (50.85, 0.58), (50.92, 0.77), (50.91, 0.98), (50.98, 0.97),
    (51.06, 1.07), (51.075, 1.18), (51.095, 1.25), (51.112, 1.30), (51.125, 1.34), (51.14, 1.37),
    (51.22, 1.40), (51.28, 1.35), (51.33, 1.42), (51.38, 1.45), (51.39, 1.38), (51.37, 1.13),
    (51.36, 1.02), (51.38, 0.90), (51.44, 0.76), (51.45, 0.60), (51.46, 0.45), (51.47, 0.38),
    (51.49, 0.38), (51.51, 0.50), (51.52, 0.62), (51.535, 0.72), (51.53, 0.82), (51.60, 0.95),
    (51.65, 0.92), (51.73, 0.88), (51.77, 0.95), (51.79, 1.15), (51.85, 1.28), (51.93, 1.27),
    (51.96, 1.35), (52.08, 1.57), (52.15, 1.61), (52.33, 1.68), (52.48, 1.76), (52.60, 1.78),
]

ISLE_OF_WIGHT = [(50.665, -1.58), (50.705, -1.50), (50.745, -1.36), (50.765, -1.29), (50.73, -1.16),
                 (50.69, -1.07), (50.65, -1.15), (50.595, -1.20), (50.575, -1.30), (50.62, -1.42)]

CHANNEL_ISLANDS = [
    [(49.735, -2.23), (49.725, -2.17), (49.71, -2.15), (49.70, -2.21), (49.715, -2.24)],          # Alderney
    [(49.51, -2.54), (49.49, -2.51), (49.45, -2.525), (49.42, -2.55), (49.42, -2.62), (49.43, -2.67),
     (49.46, -2.65), (49.49, -2.58)],                                                             # Guernsey
    [(49.44, -2.36), (49.43, -2.35), (49.41, -2.36), (49.42, -2.38)],                             # Sark
    [(49.26, -2.24), (49.26, -2.15), (49.25, -2.05), (49.23, -2.01), (49.20, -2.02), (49.17, -2.06),
     (49.175, -2.11), (49.18, -2.17), (49.19, -2.22), (49.21, -2.25)],                             # Jersey
]

FRANCE_WEST = [  # north Brittany (just below the edge), Cotentin, Normandy, to Dieppe
    (48.40, -4.80), (48.60, -4.60), (48.68, -4.20), (48.72, -3.98), (48.73, -3.70), (48.83, -3.47),
    (48.80, -3.30), (48.87, -3.10), (48.83, -3.00), (48.75, -2.95), (48.65, -2.80), (48.60, -2.50),
    (48.65, -2.30), (48.64, -2.02), (48.68, -1.85), (48.64, -1.60),
    (48.84, -1.60), (48.95, -1.57), (49.05, -1.60), (49.20, -1.62), (49.33, -1.70),
    (49.37, -1.79), (49.45, -1.84), (49.53, -1.88), (49.62, -1.86), (49.69, -1.90), (49.725, -1.94),
    (49.72, -1.88), (49.69, -1.80), (49.665, -1.70), (49.648, -1.62), (49.67, -1.45), (49.695, -1.37),
    (49.67, -1.26), (49.60, -1.24), (49.58, -1.27), (49.48, -1.22), (49.41, -1.17), (49.34, -1.13),
    (49.32, -1.10), (49.37, -1.05), (49.39, -1.04), (49.397, -0.99), (49.37, -0.87), (49.35, -0.75),
    (49.34, -0.62), (49.335, -0.45), (49.32, -0.35), (49.29, -0.25), (49.29, -0.11), (49.30, -0.05),
    (49.32, 0.00), (49.37, 0.08), (49.42, 0.24), (49.445, 0.36), (49.46, 0.44), (49.475, 0.32),
    (49.48, 0.15), (49.51, 0.07), (49.60, 0.10), (49.71, 0.20), (49.76, 0.37), (49.84, 0.60),
    (49.87, 0.71), (49.90, 0.90),
]

# Zeeuws-Vlaanderen / Western Scheldt south bank to the map edge, then islands
SCHELDT_SOUTH = [(51.375, 3.37), (51.40, 3.55), (51.36, 3.70), (51.34, 3.83), (51.36, 3.95), (51.37, 4.10),
                 (51.37, 4.60)]
ZEELAND_ISLANDS = [
    [(51.44, 3.57), (51.47, 3.49), (51.53, 3.44), (51.565, 3.50), (51.60, 3.66), (51.58, 3.78),
     (51.55, 3.87), (51.52, 4.05), (51.42, 4.05), (51.42, 3.85), (51.44, 3.70)],                 # Walcheren-Beveland
    [(51.64, 3.70), (51.70, 3.69), (51.74, 3.80), (51.75, 3.86), (51.83, 3.86), (51.87, 3.98),
     (51.86, 4.05), (51.70, 4.05), (51.65, 3.95), (51.62, 3.85)],                                 # Schouwen, Goeree
]
BORDER_BE_NL = [(51.375, 3.37), (51.31, 3.40), (51.27, 3.45), (51.25, 3.55), (51.23, 3.70), (51.20, 3.80),
                (51.22, 3.90), (51.26, 4.00), (51.30, 4.10)]

RIVERS_CHANNEL = [
    [(51.51, -0.60), (51.48, -0.30), (51.50, -0.13), (51.50, 0.05), (51.47, 0.25), (51.46, 0.37),
     (51.48, 0.42)],                                                                   # Thames
    [(49.00, 1.50), (49.20, 1.28), (49.30, 1.10), (49.44, 1.10), (49.42, 0.85), (49.47, 0.62),
     (49.46, 0.44)],                                                                   # Seine
    [(49.89, 2.30), (49.97, 2.05), (50.055, 1.91), (50.105, 1.83), (50.15, 1.72), (50.185, 1.672)],  # Somme
    [(48.90, -0.40), (49.05, -0.40), (49.18, -0.37), (49.28, -0.25)],                  # Orne
    [(50.10, 3.69), (50.28, 3.97), (50.295, 4.10)],                                     # Sambre
    [(50.18, 3.23), (50.36, 3.52), (50.45, 3.59), (50.61, 3.39), (50.85, 3.60), (51.06, 3.72)],  # Escaut
    [(50.64, 2.40), (50.69, 2.88), (50.80, 3.12), (51.06, 3.72), (51.20, 4.00)],        # Lys
]


# places listed in assets/maps/README.md: (name, lat, lon)
PLACES_NPDC = [
    ("Dunkerque", 51.03, 2.38), ("Calais", 50.95, 1.86), ("Boulogne-sur-Mer", 50.73, 1.61),
    ("Saint-Omer", 50.75, 2.25), ("Helfaut (La Coupole)", 50.70, 2.24),
    ("Watten / Éperlecques (Blockhaus)", 50.83, 2.21), ("Mimoyecques (Landrethun-le-Nord)", 50.85, 1.73),
    ("Montreuil-sur-Mer", 50.46, 1.76), ("Béthune", 50.53, 2.64), ("Lens", 50.43, 2.83),
    ("Arras", 50.29, 2.78), ("Douai", 50.37, 3.08), ("Lille", 50.63, 3.06), ("Loos", 50.61, 3.01),
    ("Roubaix", 50.69, 3.17), ("Tourcoing", 50.72, 3.16), ("Ascq", 50.62, 3.16),
    ("Valenciennes", 50.36, 3.52), ("Cambrai", 50.18, 3.23), ("Maubeuge", 50.28, 3.97),
    ("Avesnes-sur-Helpe", 50.12, 3.93), ("Dourges", 50.44, 2.99),
]
PLACES_CHANNEL = [
    ("Dover", 51.13, 1.31), ("Folkestone", 51.08, 1.18), ("Ashford", 51.15, 0.87),
    ("Portsmouth", 50.80, -1.09), ("Southampton", 50.90, -1.40), ("Plymouth", 50.37, -4.14),
    ("London", 51.51, -0.13), ("Wentworth / Ascot", 51.41, -0.67), ("Harwich", 51.94, 1.28),
    ("Calais", 50.95, 1.86), ("Boulogne-sur-Mer", 50.73, 1.61), ("Dunkerque", 51.03, 2.38),
    ("Cherbourg", 49.64, -1.62), ("Caen", 49.18, -0.37), ("Le Havre", 49.49, 0.10),
    ("Dieppe", 49.93, 1.08), ("Normandy beaches", 49.35, -0.60),
    ("Pas-de-Calais coast (Côte d'Opale)", 50.80, 1.64), ("Lille", 50.63, 3.06), ("Tourcoing", 50.72, 3.16),
]


# -- drawing helpers ---------------------------------------------------------

def project(proj, pts):
    return [proj(la, lo) for la, lo in pts]


def dashed(pen, pts, color, width, dash, gap):
    """Dashed polyline in logical pixels (the dash pattern runs on across
    vertices, so corners keep an even rhythm)."""
    on, left = True, dash
    for (x0, y0), (x1, y1) in zip(pts, pts[1:]):
        seg = math.hypot(x1 - x0, y1 - y0)
        pos = 0.0
        while pos < seg - 1e-6:
            step = min(left, seg - pos)
            if on:
                t0, t1 = pos / seg, (pos + step) / seg
                pen.line([(x0 + (x1 - x0) * t0, y0 + (y1 - y0) * t0),
                          (x0 + (x1 - x0) * t1, y0 + (y1 - y0) * t1)], color, width)
            pos += step
            left -= step
            if left <= 1e-6:
                on = not on
                left = dash if on else gap


def smooth(pts, n=4):
    """Catmull-Rom smoothing of a projected polyline (softer coasts)."""
    if len(pts) < 3:
        return pts
    out = [pts[0]]
    ext = [pts[0]] + pts + [pts[-1]]
    for i in range(1, len(ext) - 2):
        p0, p1, p2, p3 = ext[i - 1], ext[i], ext[i + 1], ext[i + 2]
        for k in range(1, n + 1):
            t = k / n
            t2, t3 = t * t, t * t * t
            out.append(tuple(0.5 * (2 * p1[j] + (-p0[j] + p2[j]) * t + (2 * p0[j] - 5 * p1[j] + 4 * p2[j] - p3[j]) * t2
                                    + (-p0[j] + 3 * p1[j] - 3 * p2[j] + p3[j]) * t3) for j in range(2)))
    return out


class MaskPen(Pen):
    """Pen drawing on a greyscale ("L") mask; colours are plain 0..255."""

    def __init__(self, img, scale):
        self.img, self.s = img, scale
        self.d = ImageDraw.Draw(img)

    @staticmethod
    def _c(c):
        return c


def mask_of(polys, scale=SS):
    m = Image.new("L", (W * scale, H * scale), 0)
    d = ImageDraw.Draw(m)
    for pts in polys:
        d.polygon([(x * scale, y * scale) for x, y in pts], fill=255)
    return m


def edge_of(mask, size):
    """Inner edge of a mask as a thin line mask."""
    return ImageChops.subtract(mask, mask.filter(ImageFilter.MinFilter(size)))


def grown(mask, radius, level=18):
    """Land mask grown outwards by about `radius` pixels (blur + threshold)."""
    small = mask.resize((mask.size[0] // 2, mask.size[1] // 2), Image.BILINEAR)
    b = small.filter(ImageFilter.GaussianBlur(radius / 2))
    b = b.point(lambda v: 255 if v > level else 0)
    return b.resize(mask.size, Image.BILINEAR).point(lambda v: 255 if v > 127 else 0)


def paint_mask(img, mask, color, alpha=255):
    if alpha < 255:
        mask = mask.point(lambda v: v * alpha // 255)
    img.paste(Image.composite(Image.new("RGB", img.size, C(color)), img, mask), (0, 0))


def sea_and_land(rng, land_polys, tints, sea_top, sea_bottom, coast_col, wave_col, ripple_col, k=1.0):
    """Common base of both maps.  land_polys: projected land polygons.
    tints: list of (polygons, colour) painted over the land in order (the
    first one covers everything).  Returns (img, pen, land mask)."""
    img, pen = new_canvas()
    paint_sky(pen, [(0.0, sea_top), (1.0, sea_bottom)])
    land = mask_of(land_polys)
    sea = ImageChops.invert(land)

    # shallow water: a lighter band hugging every coast, and two ripple lines
    near = grown(land, 26 * k, 10)
    paint_mask(img, ImageChops.multiply(near, sea), mix(sea_top, "#ffffff", 0.22), 120)
    shore = grown(land, 10 * k, 30)
    paint_mask(img, ImageChops.multiply(shore, sea), mix(sea_top, "#ffffff", 0.35), 140)
    for r, a in ((16, 120), (34, 70)):
        ring = edge_of(grown(land, r * k, 14), 3)
        paint_mask(img, ring, ripple_col, a)

    # wave marks on the open water only
    waves = Image.new("L", img.size, 0)
    wd = ImageDraw.Draw(waves)
    far = ImageChops.invert(grown(land, 44 * k, 8))
    step_x, step_y = 62, 40
    for row in range(-1, H // step_y + 2):
        for col in range(-1, W // step_x + 2):
            x = col * step_x + (row % 2) * step_x / 2 + rng.uniform(-12, 12)
            y = row * step_y + rng.uniform(-8, 8)
            if rng.random() < 0.35:
                continue
            s = SS
            for k in range(2):
                cx = x + k * 9
                wd.arc([(cx - 5) * s, (y - 3) * s, (cx + 5) * s, (y + 3) * s], 200, 340, fill=255, width=2)
    waves = ImageChops.multiply(waves, far)
    paint_mask(img, waves, wave_col, 150)

    # land colours
    col = Image.new("RGB", img.size, C(tints[0][1]))
    cp = Pen(col, SS)
    for polys, c in tints[1:]:
        for pts in polys:
            cp.poly(pts, fill=c)
    img.paste(col, (0, 0), land)
    # a faint inner shade along the coast gives the land a little body
    inner = ImageChops.subtract(land, land.filter(ImageFilter.MinFilter(9)))
    inner = inner.filter(ImageFilter.GaussianBlur(3))
    paint_mask(img, ImageChops.multiply(inner, land), shade(tints[0][1], 0.9), 110)
    paint_mask(img, edge_of(land, 5), coast_col, 230)
    return img, Pen(img, SS), land


def draw_rivers(pen, rivers, proj, color, land, width=1.5):
    m = Image.new("L", pen.img.size, 0)
    lp = MaskPen(m, SS)
    for r in rivers:
        pts = smooth(project(proj, r), 5)
        lp.line(pts, 255, width)
    m = ImageChops.multiply(m, land.filter(ImageFilter.MaxFilter(3)))
    paint_mask(pen.img, m, color, 230)


def forests(pen, rng, spots, proj, color, land):
    layer = Image.new("L", pen.img.size, 0)
    lp = MaskPen(layer, SS)
    for la, lo, r in spots:
        x, y = proj(la, lo)
        for _ in range(5):
            dx, dy = rng.uniform(-r * 0.6, r * 0.6), rng.uniform(-r * 0.4, r * 0.4)
            rr = r * rng.uniform(0.45, 0.75)
            lp.ellipse(x + dx - rr, y + dy - rr * 0.8, x + dx + rr, y + dy + rr * 0.8, fill=255)
    layer = layer.filter(ImageFilter.GaussianBlur(2 * SS))
    layer = ImageChops.multiply(layer, land)
    paint_mask(pen.img, layer, color, 70)


def map_nord_pas_de_calais(rng):
    P = proj_npdc
    coast = COAST_CAUX_TO_BELGIUM
    land_fr = smooth(project(P, [(49.80, 1.00)] + coast + [(51.50, 3.40), (51.50, 5.0), (49.80, 5.0)]), 4)
    eng = smooth(project(P, ENGLAND_DOVER), 4)
    border = smooth(project(P, BORDER_FR_BE), 4)
    south = smooth(project(P, SOUTH_EDGE), 4)
    belgium = border + project(P, [(49.80, 4.30), (49.80, 5.2), (51.60, 5.2), (51.60, 2.40)])
    outside_fr = project(P, [(50.40, 1.40), (50.372, 1.55)]) + south + project(P, [(49.97, 4.20), (49.80, 4.25),
                                                                                   (49.80, 0.9), (50.40, 0.9)])
    sea_top, sea_bottom = "#a9c9d8", "#9fc0d2"
    region, other_fr, bel, uk = "#f1e4c6", "#e3dccc", "#e9dacd", "#dfe1c8"
    img, pen, land = sea_and_land(rng, [land_fr, eng],
                                  [(None, region), ([belgium], bel), ([outside_fr], other_fr), ([eng], uk)],
                                  sea_top, sea_bottom, "#6d8fa0", "#86aec2", "#8db4c6")
    forests(pen, rng, FORESTS_NPDC, P, "#a7b889", land)
    draw_rivers(pen, RIVERS_NPDC, P, "#86b0c6", land, 1.6)
    # the Somme estuary sands at low tide, very light
    glaze(pen, project(P, [(50.215, 1.565), (50.205, 1.60), (50.187, 1.628), (50.18, 1.66), (50.192, 1.685),
                           (50.208, 1.665), (50.218, 1.63), (50.24, 1.60), (50.23, 1.56)]), "#d9d3bd", 90, 2)
    # boundaries: the country border is the strongest, the departement line lighter
    dashed(pen, smooth(project(P, BOUNDARY_NORD_PDC), 4), C("#a48c72", 200), 1.3, 5, 5)
    dashed(pen, south, C("#9a8068", 220), 1.5, 7, 5)
    dashed(pen, border, C("#7a5f52", 255), 2.0, 10, 6)
    return finish(img, rng, vignette=0.10)


def map_fortitude_channel(rng):
    P = proj_channel
    brit = smooth(project(P, BRITAIN), 3)
    wight = smooth(project(P, ISLE_OF_WIGHT + ISLE_OF_WIGHT[:1]), 3)
    isles = [smooth(project(P, isl + isl[:1]), 3) for isl in CHANNEL_ISLANDS]
    france = smooth(project(P, FRANCE_WEST + COAST_CAUX_TO_BELGIUM + SCHELDT_SOUTH +
                            [(51.37, 4.8), (48.0, 4.8), (48.0, -5.0)]), 3)
    zeeland = [smooth(project(P, z + z[:1]), 3) for z in ZEELAND_ISLANDS]
    border = smooth(project(P, BORDER_FR_BE), 3)
    belgium = border + project(P, [(49.80, 4.3), (49.80, 5.2), (51.30, 5.2), (51.30, 4.10)]) + \
        list(reversed(smooth(project(P, BORDER_BE_NL), 3))) + project(P, [(51.60, 3.30), (51.50, 2.4)])
    netherlands = smooth(project(P, BORDER_BE_NL), 3) + project(P, [(51.30, 5.0), (52.6, 5.0), (52.6, 3.3)])
    c0 = COAST_CAUX_TO_BELGIUM.index((50.378, 1.57))
    c1 = COAST_CAUX_TO_BELGIUM.index((51.089, 2.546))
    b1 = BORDER_FR_BE.index((50.00, 4.17))
    region = smooth(project(P, COAST_CAUX_TO_BELGIUM[c0:c1] + BORDER_FR_BE[:b1 + 1] + SOUTH_EDGE[::-1]), 3)
    sea_top, sea_bottom = "#a6c7d7", "#9dbfd1"
    fr, bel, nl, uk = "#f1e4c6", "#e9dacd", "#e5ddc6", "#dfe1c8"
    img, pen, land = sea_and_land(rng, [brit, wight, france] + isles + zeeland,
                                  [(None, fr), ([brit, wight], uk), ([belgium], bel), ([netherlands] + zeeland, nl)],
                                  sea_top, sea_bottom, "#6d8fa0", "#86aec2", "#8db4c6", k=0.6)
    # Nord-Pas-de-Calais gently warmer: the area the Germans were made to watch
    with clip_to(pen, region) as cp:
        cp.rect(0, 0, W, H, fill=C("#f3d9a8", 110))
    paint_mask(img, edge_of(land, 5), "#6d8fa0", 230)
    draw_rivers(pen, RIVERS_CHANNEL, P, "#86b0c6", land, 1.4)
    dashed(pen, border, C("#7a5f52", 255), 1.8, 9, 6)
    dashed(pen, smooth(project(P, BORDER_BE_NL), 3), C("#7a5f52", 255), 1.8, 9, 6)
    return finish(img, rng, vignette=0.10)


# ==========================================================================
# FORTITUDE BACKGROUNDS
# ==========================================================================

def dummy_tank(pen, x, base, s, body, sag=0.0, facing=1):
    """Inflatable dummy tank (rubber on a frame).  x = centre, s = scale.
    sag 0..1 lets it slump: turret leaning, barrel drooping, wrinkles."""
    light, dark, track = shade(body, 1.22), shade(body, 0.72), shade(body, 0.55)
    L = 150 * s

    def X(u):                      # u in 0..1 along the hull, front on the `facing` side
        return x + facing * (u - 0.5) * L

    # ground shadow (low sun from the left)
    glaze(pen, [(x - L * 0.45, base - 4 * s), (x + L * 0.5 + 80 * s, base - 3 * s),
                (x + L * 0.5 + 110 * s, base + 9 * s), (x - L * 0.5, base + 9 * s)], "#485232", 130, 3)
    droop = sag * 14 * s
    # tracks: a soft rounded band with bulging road wheels
    pen.rrect(x - L / 2, base - 24 * s, x + L / 2, base, 11 * s, fill=track)
    for k in range(6):
        cx = x - L / 2 + 16 * s + k * (L - 32 * s) / 5
        pen.circle(cx, base - 10 * s, 8.5 * s, fill=shade(track, 1.25))
        pen.circle(cx, base - 10 * s, 3.2 * s, fill=shade(track, 0.8))
    pen.line([(x - L / 2 + 8 * s, base - 22 * s), (x + L / 2 - 8 * s, base - 22 * s)], shade(track, 1.4), 1.4 * s)
    # hull: rounded, slightly puffy; the top sags in the middle when it leaks
    hull = [(X(0.02), base - 22 * s), (X(0.98), base - 22 * s), (X(0.92), base - 46 * s + droop * 0.3),
            (X(0.78), base - 50 * s + droop * 0.6), (X(0.5), base - 50 * s + droop),
            (X(0.2), base - 50 * s + droop * 0.6), (X(0.06), base - 44 * s + droop * 0.3)]
    pen.poly(smooth(hull + hull[:1], 3), fill=body)
    pen.line([(X(0.1), base - 46 * s + droop * 0.45), (X(0.5), base - 47 * s + droop),
              (X(0.85), base - 46 * s + droop * 0.5)], light, 2.2 * s)
    pen.line([(X(0.05), base - 30 * s), (X(0.95), base - 30 * s)], dark, 1.3 * s)      # seam
    # turret (leaning over when deflating) and barrel
    tcx, tcy = X(0.42), base - 58 * s + droop * 1.4
    lean = sag * 0.45 * facing
    tw, th = 30 * s, 15 * s * (1 - sag * 0.35)
    cl, sl = math.cos(lean), math.sin(lean)
    dome = arc_pts(0, 0, tw, th, 180, 360, 16) + [(tw * 1.05, 7 * s), (-tw * 1.05, 7 * s)]
    turret = [(tcx + px * cl - py * sl, tcy + px * sl + py * cl) for px, py in dome]
    root = (tcx + facing * tw * 0.8 * cl, tcy + facing * tw * 0.8 * sl)
    if sag:    # the limp barrel flops forward and hangs towards the grass
        tip = (root[0] + facing * 66 * s, base - 3 * s)
        c1, c2 = (root[0] + facing * 40 * s, root[1] - 6 * s), (tip[0] + facing * 6 * s, root[1] + 2 * s)
    else:
        tip = (root[0] + facing * 62 * s, root[1] - 3 * s)
        c1 = c2 = ((root[0] + tip[0]) / 2, (root[1] + tip[1]) / 2)
    pen.line(bezier(root, c1, c2, tip, 14), dark, 6 * s)
    pen.line(bezier(root, c1, c2, tip, 14), body, 3.6 * s)
    pen.poly(turret, fill=body)
    pen.line([(tcx + px * cl - py * sl, tcy + px * sl + py * cl) for px, py in arc_pts(0, 0, tw * 0.8, th * 0.7, 200, 330, 10)],
             light, 2.0 * s)
    pen.circle(tcx - facing * 6 * s, tcy - th * 0.9, 4 * s, fill=dark)                 # hatch
    if sag:
        for k in range(6):                          # folds on the slack rubber
            wx = X(0.18 + k * 0.12)
            wy = base - 40 * s + droop * (0.5 + 0.5 * math.sin(k / 5 * math.pi))
            pen.arc((wx - 10 * s, wy - 6 * s, wx + 10 * s, wy + 8 * s), 200, 340, dark, 1.5 * s)
            pen.arc((wx - 8 * s, wy - 3 * s, wx + 8 * s, wy + 9 * s), 210, 330, light, 1.0 * s)
        for k in range(3):
            wx = tcx + (k - 1) * 12 * s
            pen.arc((wx - 6 * s, tcy - 4 * s, wx + 6 * s, tcy + 6 * s), 190, 330, dark, 1.2 * s)


def dummy_landing_craft(pen, x, wl, s, body, water):
    """Dummy landing craft ('Bigbob'): canvas over a scaffold frame on
    floats, seen side-on, bow ramp to the left."""
    light, dark = shade(body, 1.15), shade(body, 0.7)
    L = 190 * s
    # reflection
    glaze(pen, [(x, wl), (x + L, wl), (x + L - 6 * s, wl + 16 * s), (x + 10 * s, wl + 16 * s)],
          shade(body, 0.75), 90, 2)
    hull = [(x, wl - 20 * s), (x + 12 * s, wl + 2 * s), (x + L, wl + 2 * s), (x + L, wl - 22 * s)]
    pen.poly(hull, fill=body)
    pen.rect(x + 12 * s, wl - 4 * s, x + L, wl + 2 * s, fill=dark)                     # floats
    pen.line([(x, wl - 20 * s), (x + L, wl - 22 * s)], light, 2 * s)
    for k in range(1, 8):                                     # canvas panels, slightly slack
        px = x + 12 * s + k * (L - 12 * s) / 8
        pen.line([(px, wl - 21 * s), (px + 1.5 * s, wl - 5 * s)], C(dark, 140), 1.2 * s)
        pen.arc((px - (L / 16), wl - 24 * s, px, wl - 14 * s), 20, 160, C(dark, 110), 1.0 * s)
    # bow ramp and the bridge at the stern
    pen.poly([(x - 4 * s, wl - 22 * s), (x + 6 * s, wl - 24 * s), (x + 14 * s, wl), (x + 4 * s, wl)], fill=shade(body, 0.9))
    pen.rect(x + L - 44 * s, wl - 40 * s, x + L - 12 * s, wl - 21 * s, fill=shade(body, 0.95))
    pen.rect(x + L - 40 * s, wl - 35 * s, x + L - 16 * s, wl - 30 * s, fill=shade(body, 0.55))
    pen.rect(x + L - 36 * s, wl - 50 * s, x + L - 30 * s, wl - 40 * s, fill=dark)           # funnel
    pen.line([(x + L - 20 * s, wl - 40 * s), (x + L - 20 * s, wl - 66 * s)], dark, 1.5 * s)  # mast
    # ripples along the waterline
    for k in range(6):
        rx = x + 10 * s + k * L / 6
        pen.line([(rx, wl + 5 * s), (rx + 18 * s, wl + 5 * s)], C(mix(water, "#ffffff", 0.4), 150), 1.2 * s)


def camo_net(pen, rng, x0, x1, ground, peaks, net, garnish, dark):
    """Camouflage net thrown over a frame of poles: peaks at the pole tips,
    sagging between them, a scalloped hem on the ground, mesh and scrim."""
    top = [(x0, ground)]
    prev = (x0, ground)
    for pk in peaks + [(x1, ground)]:
        mx = (prev[0] + pk[0]) / 2
        sag = 14 if prev[1] < ground - 5 and pk[1] < ground - 5 else 0
        top += bezier(prev, (mx - 10, max(prev[1], pk[1]) + sag), (mx + 10, max(prev[1], pk[1]) + sag), pk, 10)[1:]
        prev = pk
    hem = []
    n = int((x1 - x0) / 22)
    for i in range(n + 1):
        t = i / n
        hem.append((x0 + (x1 - x0) * t, ground + (4 if i % 2 else -1) + rng.uniform(-1, 1)))
    outline = top + hem[::-1]
    pen.poly(outline, fill=shade(net, 0.55))
    with clip_to(pen, outline) as cp:
        # lighter where the sun strikes the upper slopes, darker in the folds
        for (px, py) in peaks:
            cp.poly([(px, py), (px + 70, ground + 10), (px - 70, ground + 10)], fill=C(net, 230))
            cp.poly([(px, py), (px - 70, ground + 10), (px - 20, ground + 10)], fill=C(shade(net, 1.15), 200))
        for k in range(-60, 90):
            xx = x0 + k * 8
            cp.line([(xx, ground - 120), (xx + 120, ground + 10)], C(dark, 110), 0.8)
            cp.line([(xx, ground + 10), (xx + 120, ground - 120)], C(dark, 110), 0.8)
        for _ in range(int((x1 - x0) * 0.9)):
            gx = rng.uniform(x0, x1)
            gy = rng.uniform(min(p[1] for p in peaks), ground)
            r = rng.uniform(2.5, 6)
            cp.ellipse(gx - r, gy - r * 0.55, gx + r, gy + r * 0.55, fill=rng.choice(garnish))
    for px, py in peaks:
        pen.line([(px, py - 5), (px, py + 3)], dark, 2.5)
    pen.line(top, C(dark, 200), 1.2)
    glaze(pen, [(x1 - 10, ground), (x1 + 60, ground + 2), (x1 + 40, ground + 10), (x0, ground + 10)], "#4a5535", 90, 3)


def pump(pen, x, base, metal, dark):
    """Foot-operated air pump (twin bellows) as used for inflatables."""
    pen.rect(x - 16, base - 4, x + 16, base, fill=dark)
    pen.poly([(x - 14, base - 4), (x + 12, base - 4), (x + 12, base - 14), (x - 14, base - 20)], fill=metal)
    for k in range(3):
        pen.line([(x - 14, base - 8 - k * 4), (x + 12, base - 7 - k * 2.5)], shade(metal, 0.7), 1.0)
    pen.circle(x + 15, base - 8, 3.5, fill=dark)


def scene_kent_field(rng):
    img, pen = new_canvas()
    hz = 300
    paint_sky(pen, [(0.0, "#8fadc4"), (0.22, "#b3c6cf"), (0.37, "#dcdccc"), (0.42, "#f0dfc0"), (1.0, "#f0dfc0")])
    glow(pen, 250, 250, 300, 170, "#fff1d2", 0.75)
    pen.circle(250, 236, 24, fill="#fff6e0")
    for cx, cy, w, h, c, a in [(620, 90, 700, 30, "#f3e6d6", 150), (1050, 150, 560, 24, "#efdfd0", 140),
                               (300, 170, 500, 18, "#f6e9d6", 120), (900, 230, 600, 14, "#f2e2cc", 120)]:
        stratus(pen, rng, cx, cy, w, h, c, a, 8)
    for cx, cy, w, h in [(840, 118, 300, 40), (1150, 70, 220, 30), (480, 60, 200, 24)]:
        cloud(pen, rng, cx, cy, w, h, "#fbf2e4", "#e3d5cb")

    # the sea and the white cliffs far away on the right
    sea = "#9fb9c2"
    pen.rect(0, hz, W, hz + 60, fill=sea)
    for _ in range(50):
        sx, sy = rng.uniform(300, W), rng.uniform(hz + 3, hz + 45)
        pen.line([(sx, sy), (sx + rng.uniform(10, 40), sy)], C("#e9efe9", 140), 1.0)
    glow(pen, 330, hz + 8, 200, 14, "#fff4dc", 0.6)
    cliff_top = [(760, hz + 22), (820, hz + 6), (900, hz - 6), (1000, hz - 12), (1120, hz - 16), (1290, hz - 20)]
    cliff = cliff_top + [(1290, hz + 48), (760, hz + 48)]
    pen.poly(cliff, fill="#f1ede2")
    with clip_to(pen, cliff) as cp:
        for k in range(30):
            xx = 770 + k * 18 + rng.uniform(-5, 5)
            cp.poly([(xx, hz - 30), (xx + 8, hz - 30), (xx + 4 + rng.uniform(-4, 4), hz + 50), (xx - 3, hz + 50)],
                    fill=C("#d4d0c6", 160))
        cp.rect(700, hz + 30, 1290, hz + 60, fill=C("#c7c9c0", 150))
    pen.poly(cliff_top + [(1290, hz - 12), (1120, hz - 8), (1000, hz - 4), (900, hz + 2), (820, hz + 13)],
             fill="#9aa77c")
    pen.line([(760, hz + 44), (1290, hz + 42)], C("#ffffff", 160), 1.5)
    glaze(pen, cliff, "#e9e6dc", 60, 4)

    # the downs and hedged fields of the midground
    hill1 = [(-10, hz + 70)] + bezier((-10, hz - 10), (150, hz - 36), (380, hz - 20), (520, hz + 10), 16) + \
        bezier((520, hz + 10), (620, hz + 30), (720, hz + 30), (800, hz + 40), 10)[1:] + [(800, hz + 90), (-10, hz + 90)]
    pen.poly(hill1, fill="#a7b28f")
    glaze(pen, hill1, "#dcdcc8", 70, 6)
    fields = [(hz + 36, "#98a678"), (hz + 52, "#a5ae7c"), (hz + 70, "#8e9c6c"), (hz + 92, "#9aa56f")]
    pen.rect(0, hz + 40, W, H, fill="#8e9c6a")
    for y0, c in fields:
        pts = [(-10, y0 + 10)] + [(x, y0 + 6 * math.sin(x / 160 + y0)) for x in range(0, 1300, 40)] + [(1290, H), (-10, H)]
        pen.poly(pts, fill=c)
    for y0, sz in ((hz + 50, 0.7), (hz + 68, 0.85), (hz + 90, 1.0)):       # hedgerows
        k = -10.0
        while k < 1300:
            if rng.random() < 0.12:
                k += rng.uniform(20, 60)
                continue
            r = rng.uniform(4, 10) * sz
            yy = y0 + 6 * math.sin(k / 160 + y0) - 2 + rng.uniform(-1.5, 1.5)
            c = jitter(rng, "#677648", 7)
            pen.ellipse(k - r * 1.3, yy - r, k + r * 1.3, yy + r * 0.45, fill=c)
            pen.ellipse(k - r * 0.8, yy - r * 0.95, k + r * 0.5, yy - r * 0.3, fill=shade(c, 1.15))
            k += r * rng.uniform(1.2, 2.0)
    for tx, tb, th, tr in [(90, hz + 56, 46, 20), (170, hz + 52, 38, 16), (470, hz + 70, 40, 18), (1010, hz + 66, 44, 20),
                           (1180, hz + 62, 50, 22)]:
        round_tree(pen, rng, tx, tb, th, tr, "#5e5444", "#6f7f52", "#8a9a62", "#f4eee4")
    glaze(pen, [(0, hz + 30), (W, hz + 30), (W, hz + 100), (0, hz + 100)], "#e7e2cf", 50, 8)

    # the creek, winding in from the right
    water = "#a3bcc0"
    bank = "#7a8458"
    upper = bezier((1290, 440), (1100, 452), (980, 430), (860, 418), 14) + \
        bezier((860, 418), (760, 410), (700, 400), (630, 393), 10)[1:]
    lower = bezier((636, 397), (700, 408), (770, 424), (860, 440), 10) + \
        bezier((860, 440), (980, 456), (1100, 486), (1290, 494), 14)[1:]
    creek = upper + lower
    pen.poly([(p[0], p[1] - 5) for p in upper] + [(p[0], p[1] + 6) for p in lower[::-1]], fill=bank)
    pen.poly(creek, fill=water)
    with clip_to(pen, creek) as cp:
        glaze(cp, [(700, 380), (1290, 420), (1290, 470), (700, 420)], "#d6e2dc", 90, 10)
        for _ in range(40):
            wx, wy = rng.uniform(660, W), rng.uniform(400, 490)
            cp.line([(wx, wy), (wx + rng.uniform(8, 26), wy)], C("#e7efe9", 150), 1.0)
    for vx, wl, sc in [(690, 408, 0.42), (850, 432, 0.6), (1040, 466, 0.85)]:
        dummy_landing_craft(pen, vx, wl, sc, "#8e9493", water)
        pen.line([(vx + 6, wl - 6 * sc), (vx - 16 * sc, wl - 30 * sc)], "#5a4e40", 1.2)
    for px, py in [(690, 392), (842, 412), (1030, 440), (1240, 452)]:          # mooring stakes
        pen.rect(px - 2, py - 14, px + 2, py + 2, fill="#4f4335")
    pen.line(bezier((1240, 440), (1236, 448), (1236, 452), (1227, 448), 4), "#5a4e40", 1.2)
    reeds(pen, rng, 1120, 1290, 500, 14, 40, 60, ["#7d8450", "#8e9060", "#6a7447"], heads=0.05)
    reeds(pen, rng, 880, 1010, 452, 10, 26, 30, ["#7d8450", "#8e9060", "#6a7447"], heads=0.05)

    # camouflage net over a vehicle park on the left
    camo_net(pen, rng, -20, 300, 430, [(30, 360), (130, 350), (230, 372)], "#727049",
             ["#818852", "#5f5a3a", "#8d7c54", "#6d7a48", "#9a9460"], "#3e3c2a")

    # rows of dummy tanks (the back row smaller, one tank going soft)
    body = "#6e7650"
    for bx in (390, 520, 650):
        dummy_tank(pen, bx, 446, 0.6, jitter(rng, body, 4))
    for k, bx in enumerate((110, 330, 575)):
        dummy_tank(pen, bx, 508, 0.95, jitter(rng, body, 4), sag=[0, 0, 0.9][k], facing=[1, 1, -1][k])
    # the pump and its hose snaking to the slack tank
    pump(pen, 724, 516, "#6a6e66", "#3f4038")
    pen.line(bezier((708, 510), (690, 526), (670, 504), (660, 514), 12), "#2f302c", 3.2)
    pen.line(bezier((660, 514), (650, 522), (640, 500), (644, 478), 8), "#2f302c", 3.2)
    pen.rect(640, 474, 648, 480, fill="#3a3a32")
    # a crate and spare rolls of rubber sheeting by the pump
    pen.rect(750, 488, 786, 516, fill="#8a7550")
    pen.rect(750, 488, 786, 494, fill="#a08a60")
    pen.line([(750, 503), (786, 503)], "#6a5838", 1.2)
    pen.ellipse(792, 502, 834, 518, fill="#4e5338")
    pen.ellipse(792, 502, 803, 518, fill="#6a7048")

    # the calm foreground: grass and a chalky farm track (dialogue box area)
    haze_band(pen, 508, H, "#7f8f57", 0.0, 0.75)
    track = bezier((480, H + 10), (560, 620), (760, 560), (1290, 540), 20)
    track2 = bezier((1290, 566), (820, 590), (700, 640), (700, H + 10), 20)
    pen.poly(track + track2, fill="#cfc4a4")
    pen.line(bezier((560, H), (620, 630), (800, 580), (1290, 552), 20), C("#b3a888", 200), 4)
    pen.line(bezier((640, H), (680, 650), (830, 590), (1290, 560), 20), C("#b3a888", 200), 3)
    for _ in range(160):
        gx, gy = rng.uniform(0, W), rng.uniform(530, H)
        gs = 2 + (gy - 520) / 30
        pen.poly([(gx - gs, gy), (gx - gs * 0.3, gy - gs * 1.3), (gx, gy - gs * 0.4), (gx + gs * 0.4, gy - gs * 1.5),
                  (gx + gs, gy)], fill="#778654" if rng.random() < 0.5 else "#93a267")
    glaze(pen, [(0, 520), (W, 520), (W, H), (0, H)], "#fff3d8", 30, 20)
    glow(pen, 200, 300, 420, 260, "#fff1d2", 0.25)
    return finish(img, rng, vignette=0.2)


def dial(pen, cx, cy, r, face_c, rim, needle, angle, ticks=24, glow_c=None):
    """Round tuning dial or meter: rim, cream face, ticks, needle, glint."""
    if glow_c:
        glow(pen, cx, cy, r * 1.8, r * 1.8, glow_c, 0.35)
    pen.circle(cx, cy, r + 3, fill=rim)
    pen.circle(cx, cy, r, fill=face_c)
    for k in range(ticks):
        a = math.radians(150 + k * 240 / (ticks - 1))
        r0 = r * (0.72 if k % 4 else 0.62)
        pen.line([(cx + math.cos(a) * r0, cy + math.sin(a) * r0), (cx + math.cos(a) * r * 0.86, cy + math.sin(a) * r * 0.86)],
                 shade(face_c, 0.55), max(0.8, r / 30))
    a = math.radians(angle)
    pen.line([(cx, cy), (cx + math.cos(a) * r * 0.8, cy + math.sin(a) * r * 0.8)], needle, max(1.2, r / 16))
    pen.circle(cx, cy, max(1.5, r * 0.1), fill=shade(rim, 0.8))
    pen.arc((cx - r * 0.8, cy - r * 0.8, cx + r * 0.8, cy + r * 0.8), 200, 250, C("#ffffff", 150), max(1, r / 14))


def knob(pen, cx, cy, r, color="#2a2624"):
    pen.circle(cx, cy + r * 0.15, r, fill=shade(color, 0.6))
    pen.circle(cx, cy, r, fill=color)
    pen.circle(cx - r * 0.3, cy - r * 0.3, r * 0.35, fill=shade(color, 1.9))
    pen.line([(cx, cy), (cx + r * 0.7, cy - r * 0.5)], shade(color, 2.4), max(1, r / 5))


def headphones(pen, cx, cy, s, band, cup, cord_to=None, cord="#2a2624", open_=1.0):
    """Headphones lying on a surface: a band and two ear cups."""
    dx = 34 * s * open_
    if cord_to:
        pen.line(bezier((cx + dx, cy + 8 * s), (cx + dx + 40 * s, cy + 30 * s), (cord_to[0] - 30 * s, cord_to[1] + 30 * s),
                        cord_to, 16), cord, 2.0 * s)
    pen.arc((cx - dx, cy - 34 * s, cx + dx, cy + 22 * s), 190, 350, shade(band, 0.7), 7 * s)
    pen.arc((cx - dx, cy - 34 * s, cx + dx, cy + 22 * s), 195, 345, band, 4 * s)
    for sx in (-1, 1):
        x = cx + sx * dx
        pen.ellipse(x - 12 * s, cy - 6 * s, x + 12 * s, cy + 14 * s, fill=shade(cup, 0.7))
        pen.ellipse(x - 11 * s, cy - 8 * s, x + 11 * s, cy + 11 * s, fill=cup)
        pen.ellipse(x - 5 * s, cy - 3 * s, x + 5 * s, cy + 5 * s, fill=shade(cup, 1.5))


def morse_key(pen, x, y, s, wood, brass):
    pen.poly([(x - 40 * s, y), (x + 40 * s, y), (x + 36 * s, y - 10 * s), (x - 36 * s, y - 10 * s)], fill=wood)
    pen.rect(x - 40 * s, y, x + 40 * s, y + 5 * s, fill=shade(wood, 0.7))
    pen.rect(x - 28 * s, y - 16 * s, x - 18 * s, y - 8 * s, fill=shade(brass, 0.8))          # pivot
    pen.line([(x - 32 * s, y - 16 * s), (x + 30 * s, y - 20 * s)], brass, 4 * s)             # lever
    pen.line([(x - 32 * s, y - 18 * s), (x + 30 * s, y - 22 * s)], shade(brass, 1.3), 1.4 * s)
    pen.ellipse(x + 24 * s, y - 30 * s, x + 44 * s, y - 20 * s, fill="#1e1a18")                # knob
    pen.ellipse(x + 28 * s, y - 29 * s, x + 36 * s, y - 26 * s, fill="#5a524c")
    pen.circle(x + 10 * s, y - 12 * s, 3 * s, fill=shade(brass, 0.7))                         # contact


def notepad(pen, rng, pts, paper, line_c, pencil=None):
    """A pad of paper in perspective (pts: 4 corners) with ruled lines and
    a few wavy scribbles (no readable text)."""
    pen.poly([(x + 3, y + 3) for x, y in pts], fill=C("#000000", 50))
    pen.poly(pts, fill=paper)
    (x0, y0), (x1, y1), (x2, y2), (x3, y3) = pts
    for k in range(1, 8):
        t = k / 8
        a = (x0 + (x3 - x0) * t, y0 + (y3 - y0) * t)
        b = (x1 + (x2 - x1) * t, y1 + (y2 - y1) * t)
        pen.line([a, b], C(line_c, 120), 0.8)
        if k < 6:
            n = 6
            ln = rng.uniform(0.4, 0.85)
            wav = [(a[0] + (b[0] - a[0]) * ln * i / n + 2, a[1] + (b[1] - a[1]) * ln * i / n - 2 + (1.2 if i % 2 else -1.2))
                   for i in range(n + 1)]
            pen.line(wav, C("#3a3a5a", 170), 1.0)
    if pencil:
        (ax, ay), (bx, by) = pencil
        pen.line([(ax, ay), (bx, by)], "#d9a53a", 4)
        pen.line([(bx, by), (bx + (bx - ax) * 0.08, by + (by - ay) * 0.08)], "#e8c9a0", 3)


def mug(pen, x, base, r, color, tea=None):
    pen.arc((x + r * 0.6, base - r * 1.8, x + r * 1.6, base - r * 0.6), 270, 90, shade(color, 0.8), r * 0.25)
    pen.rect(x - r, base - r * 2.2, x + r, base, fill=color)
    pen.ellipse(x - r, base - r * 0.3, x + r, base + r * 0.3, fill=color)
    pen.rect(x + r * 0.4, base - r * 2.2, x + r, base, fill=shade(color, 0.85))
    pen.ellipse(x - r, base - r * 2.5, x + r, base - r * 1.9, fill=shade(color, 1.1))
    pen.ellipse(x - r * 0.82, base - r * 2.42, x + r * 0.82, base - r * 1.98, fill=tea or shade(color, 0.5))


def wall_map_channel(pen, x0, y0, x1, y1, paper, sea, land, coast):
    """The Channel map as a small wall chart (same coastlines, no text)."""
    pen.rect(x0 + 6, y0 + 8, x1 + 6, y1 + 8, fill=C("#000000", 70))
    pen.rect(x0, y0, x1, y1, fill=paper)
    m = 10
    ix0, iy0, ix1, iy1 = x0 + m, y0 + m, x1 - m, y1 - m
    pen.rect(ix0, iy0, ix1, iy1, fill=sea)

    def tp(pts):
        return [(ix0 + px / W * (ix1 - ix0), iy0 + py / H * (iy1 - iy0)) for px, py in pts]
    polys = [project(proj_channel, BRITAIN), project(proj_channel, ISLE_OF_WIGHT),
             project(proj_channel, FRANCE_WEST + COAST_CAUX_TO_BELGIUM + SCHELDT_SOUTH + [(51.37, 4.8), (48.0, 4.8), (48.0, -5.0)])]
    with clip_to(pen, [(ix0, iy0), (ix1, iy0), (ix1, iy1), (ix0, iy1)]) as cp:
        for pts in polys:
            cp.poly(tp(pts), fill=land, outline=coast, width=1.0)
        for k in range(1, 6):                       # grid lines
            gx = ix0 + (ix1 - ix0) * k / 6
            cp.line([(gx, iy0), (gx, iy1)], C(coast, 60), 0.8)
            gy = iy0 + (iy1 - iy0) * k / 6
            cp.line([(ix0, gy), (ix1, gy)], C(coast, 60), 0.8)
    pen.rect(ix0, iy0, ix1, iy1, outline=coast, width=1.2)
    return tp


def scene_radio_hut(rng):
    img, pen = new_canvas()
    # inside a Nissen hut at night: the corrugated arch, a planked end wall
    pen.rect(0, 0, W, H, fill="#2c2a2a")
    arch = arc_pts(640, 760, 760, 800, 180, 360, 60)
    for k in range(14):                                      # corrugated roof, ribs catching the lamp
        r = 1.0 + k * 0.04
        pen.line(arc_pts(640, 760, 760 * r, 800 * r, 180, 360, 60), "#3c3a38" if k % 2 else "#34322f", 26)
    wall = arch + [(1400, 760), (-120, 760)]
    pen.poly(wall, fill="#6e5440")
    with clip_to(pen, wall) as cp:
        x = -120
        while x < 1400:
            w = rng.uniform(34, 46)
            cp.rect(x, -50, x + w, H, fill=jitter(rng, "#6e5440", 7))
            cp.line([(x, -50), (x, H)], "#4e3a2c", 2)
            for _ in range(2):
                ky = rng.uniform(0, H)
                cp.ellipse(x + w * 0.3, ky, x + w * 0.3 + 6, ky + 10, fill=C("#4e3a2c", 120))
            x += w
        cp.rect(-120, 396, 1400, 404, fill="#5a4434")           # a horizontal rail
    pen.line(arch, "#2a2624", 6)

    # wall map (the Channel), pinned, with a string between two pins
    tp = wall_map_channel(pen, 120, 118, 500, 330, "#e9dfc4", "#a8c3cc", "#efe4c6", "#6d8592")
    for la, lo, c in [(51.13, 1.31, "#c23b30"), (50.95, 1.86, "#2d5aa0"), (50.73, 1.61, "#2d5aa0"),
                      (51.41, -0.67, "#c23b30"), (49.35, -0.60, "#2d5aa0")]:
        px, py = tp([proj_channel(la, lo)])[0]
        pen.circle(px + 1, py + 2, 3.5, fill=C("#000000", 80))
        pen.circle(px, py, 3.5, fill=c)
        pen.circle(px - 1, py - 1, 1.2, fill="#ffffff")
    a = tp([proj_channel(51.13, 1.31)])[0]
    b = tp([proj_channel(50.95, 1.86)])[0]
    pen.line([a, b], "#c23b30", 1.2)
    for cx, cy in [(126, 124), (494, 124), (126, 324), (494, 324)]:
        pen.circle(cx, cy, 3, fill="#b8a070")

    # blackout-curtained window on the right
    wx0, wy0, wx1, wy1 = 860, 130, 1080, 340
    pen.rect(wx0 - 14, wy0 - 14, wx1 + 14, wy1 + 14, fill="#4a3a2e")
    pen.rect(wx0, wy0, wx1, wy1, fill="#141a2e")
    pen.rect(wx0 + 96, wy0, wx0 + 124, wy1, fill="#1c2642")                  # slit of night sky
    pen.circle(wx0 + 110, wy0 + 50, 1.5, fill="#dfe6f0")
    for side, (ca, cb) in enumerate(((wx0 - 20, wx0 + 100), (wx0 + 120, wx1 + 20))):
        pts = [(ca, wy0 - 22), (cb, wy0 - 22), (cb - (6 if side == 0 else -6), wy1 + 30),
               (ca, wy1 + 34)]
        pen.poly(pts, fill="#1f2336")
        with clip_to(pen, pts) as cp:
            for k in range(7):
                fx = ca + (cb - ca) * (k + 0.5) / 7
                cp.poly([(fx - 4, wy0 - 22), (fx + 5, wy0 - 22), (fx + 7, wy1 + 40), (fx - 5, wy1 + 40)],
                        fill=C("#2c3250", 220))
    pen.rect(wx0 - 40, wy0 - 30, wx1 + 40, wy0 - 20, fill="#3a2c22")                    # curtain rail
    # a shelf with spare valves and a tin box
    pen.rect(600, 250, 800, 258, fill="#4a3828")
    for k, (vx, vh) in enumerate([(616, 22), (634, 18), (650, 24)]):
        pen.rrect(vx - 5, 250 - vh, vx + 5, 250, 4, fill=C("#c9d4d6", 200))
        pen.rect(vx - 5, 244, vx + 5, 250, fill="#3a3230")
    pen.rect(680, 222, 740, 250, fill="#6a7a6a")
    pen.rect(680, 222, 740, 228, fill="#7d8e7c")
    pen.rect(752, 214, 784, 250, fill="#8a5a3a")

    # night: everything dim, then the hanging lamp's warm pool of light
    glaze(pen, [(-10, -10), (W + 10, -10), (W + 10, H), (-10, H)], "#141014", 120, 0)
    glow(pen, 640, 420, 620, 300, "#f5c77e", 0.55)
    glow(pen, 640, 200, 240, 200, "#f6d49a", 0.35)
    pen.line([(640, 0), (640, 120)], "#1c1a18", 2)
    pen.poly([(600, 160), (680, 160), (660, 122), (620, 122)], fill="#3e5a46")
    pen.poly([(600, 160), (680, 160), (676, 166), (604, 166)], fill="#2c4032")
    pen.chord((616, 150, 664, 178), 0, 180, fill="#fff2c8")
    glaze(pen, [(620, 170), (660, 170), (1000, 470), (280, 470)], "#ffe7b0", 45, 20)

    # the table
    top = [(60, 420), (1220, 420), (1290, 520), (-10, 520)]
    pen.poly(top, fill="#8a6442")
    with clip_to(pen, top) as cp:
        for k in range(12):
            yy = 420 + k * 9
            cp.line([(-10, yy), (1290, yy + rng.uniform(-2, 2))], C("#6e4e34", 120), 1.2)
    pen.rect(-10, 520, 1290, 546, fill="#5e432c")
    pen.rect(-10, 520, 1290, 524, fill="#a27a52")
    pen.rect(40, 546, 70, H, fill="#4a3424")
    pen.rect(1210, 546, 1240, H, fill="#4a3424")
    pen.rect(-10, 546, 1290, H, fill=C("#1c1816", 160))

    # wireless set 1: a big receiver, grey-green steel
    rx0, ry0, rx1, ry1 = 150, 290, 520, 452
    pen.rect(rx0 + 8, ry1 - 4, rx1 + 18, ry1 + 6, fill=C("#000000", 80))
    pen.rect(rx0, ry0, rx1, ry1, fill="#55604e")
    pen.rect(rx0, ry0, rx1, ry0 + 10, fill="#687562")
    pen.rect(rx1 - 12, ry0, rx1, ry1, fill="#46503f")
    pen.rect(rx0 + 14, ry0 + 20, rx1 - 26, ry1 - 14, fill="#4b5545")
    dial(pen, 230, 362, 44, "#f1dfae", "#2a2a26", "#b53a2c", 250, glow_c="#ffd98a")
    dial(pen, 350, 362, 44, "#f1dfae", "#2a2a26", "#b53a2c", 320, glow_c="#ffd98a")
    pen.rrect(424, 318, 492, 350, 4, fill="#2a2a26")
    pen.rrect(428, 322, 488, 346, 3, fill="#e9c77a")                       # glowing band window
    for k in range(8):
        pen.line([(432 + k * 7.5, 326), (432 + k * 7.5, 334 if k % 2 else 338)], "#6a5430", 1)
    pen.line([(460, 323), (460, 345)], "#b53a2c", 1.6)
    for kx in (200, 260, 320, 380, 440, 480):
        knob(pen, kx, 426, 10)
    for kx in (440, 470):
        knob(pen, kx, 378, 8, "#3a3430")
    # wireless set 2: a transmitter with a meter and a valve glow
    tx0, ty0, tx1, ty1 = 760, 318, 1050, 452
    pen.rect(tx0 + 8, ty1 - 4, tx1 + 18, ty1 + 6, fill=C("#000000", 80))
    pen.rect(tx0, ty0, tx1, ty1, fill="#2f2e2c")
    pen.rect(tx0, ty0, tx1, ty0 + 8, fill="#45423e")
    pen.rect(tx1 - 10, ty0, tx1, ty1, fill="#242321")
    dial(pen, 830, 382, 34, "#f3e6c2", "#1a1918", "#222222", 290, ticks=16, glow_c="#ffe0a0")
    pen.rrect(890, 352, 1026, 404, 6, fill="#1a1918")
    pen.rrect(896, 358, 1020, 398, 5, fill="#5a3a1c")
    for k in range(4):                                                        # valves glowing behind the grille
        glow(pen, 914 + k * 32, 380, 18, 18, "#ffb054", 0.8)
    for k in range(10):
        pen.line([(898, 360 + k * 4), (1018, 360 + k * 4)], C("#1a1918", 200), 1.2)
    for kx in (800, 850, 900, 950, 1000):
        knob(pen, kx, 430, 9)
    pen.line(bezier((1050, 360), (1100, 360), (1110, 300), (1130, 120), 12), "#1c1a18", 2.2)   # aerial lead

    # headphones, morse key, pad and tea on the table
    headphones(pen, 590, 462, 1.0, "#3a302a", "#2a2420", cord_to=(505, 440))
    morse_key(pen, 730, 494, 1.2, "#5a3e28", "#d9b24a")
    pen.line(bezier((760, 494), (800, 500), (840, 470), (860, 452), 10), "#1c1a18", 1.8)
    notepad(pen, rng, [(300, 470), (420, 466), (432, 508), (296, 512)], "#f3ecd9", "#8aa0b8",
            pencil=((440, 500), (500, 478)))
    mug(pen, 1110, 488, 18, "#e8e2d2", tea="#7a5030")
    glow(pen, 1110, 440, 40, 30, "#ffffff", 0.08)
    pen.line(bezier((1104, 436), (1094, 420), (1116, 404), (1106, 388), 8), C("#ffffff", 60), 3)
    glaze(pen, [(0, 0), (W, 0), (W, 120), (0, 120)], "#0e0c10", 90, 30)
    return finish(img, rng, vignette=0.35)


def barrage_balloon(pen, cx, cy, s, body, dark, cable):
    """Barrage balloon: a fat silver envelope with three tail fins."""
    pen.line([(cx + 4 * s, cy + 14 * s), (cx + 10 * s, cy + 400)], C(cable, 150), 1.0)
    pen.poly([(cx - 46 * s, cy - 4 * s), (cx - 70 * s, cy - 24 * s), (cx - 62 * s, cy - 2 * s)], fill=dark)   # top fin
    pen.poly([(cx - 46 * s, cy + 6 * s), (cx - 70 * s, cy + 24 * s), (cx - 62 * s, cy + 4 * s)], fill=dark)   # lower fin
    pen.ellipse(cx - 60 * s, cy - 17 * s, cx + 40 * s, cy + 17 * s, fill=body)
    pen.chord((cx - 60 * s, cy - 17 * s, cx + 40 * s, cy + 17 * s), 20, 160, fill=shade(body, 0.82))
    pen.poly([(cx - 48 * s, cy - 2 * s), (cx - 74 * s, cy - 6 * s), (cx - 74 * s, cy + 6 * s), (cx - 48 * s, cy + 4 * s)],
             fill=shade(dark, 1.1))                                                                         # side fin
    pen.arc((cx - 40 * s, cy - 13 * s, cx + 30 * s, cy + 6 * s), 200, 300, C("#ffffff", 110), 2 * s)


def filing_cabinet(pen, x0, y0, x1, y1, body, drawers=4):
    light, dark = shade(body, 1.15), shade(body, 0.7)
    pen.rect(x0 + 6, y1 - 4, x1 + 14, y1 + 6, fill=C("#000000", 70))
    pen.rect(x0, y0, x1, y1, fill=body)
    pen.rect(x0, y0, x1, y0 + 6, fill=light)
    pen.rect(x1 - 8, y0, x1, y1, fill=dark)
    dh = (y1 - y0 - 14) / drawers
    for k in range(drawers):
        dy = y0 + 10 + k * dh
        pen.rect(x0 + 6, dy, x1 - 12, dy + dh - 6, fill=shade(body, 1.04), outline=dark, width=1.2)
        cx = (x0 + x1 - 6) / 2
        pen.rect(cx - 14, dy + 12, cx + 14, dy + 22, fill="#d9d2bc", outline=shade(body, 0.5), width=1)   # blank label
        pen.rrect(cx - 20, dy + 30, cx + 20, dy + 38, 3, fill="#c9c2b0")                                 # handle
        pen.rect(cx - 16, dy + 33, cx + 16, dy + 36, fill="#8a8578")


def typewriter(pen, x, y, s, body):
    """Office typewriter seen from the front, blank sheet in the carriage."""
    dark = shade(body, 0.6)
    pen.poly([(x - 90 * s, y), (x + 90 * s, y), (x + 70 * s, y - 50 * s), (x - 70 * s, y - 50 * s)], fill=body)
    pen.rect(x - 92 * s, y - 6 * s, x + 92 * s, y + 6 * s, fill=dark)
    pen.rect(x - 60 * s, y - 108 * s, x + 60 * s, y - 60 * s, fill="#f4efe2")             # the sheet
    pen.line([(x - 60 * s, y - 108 * s), (x + 60 * s, y - 108 * s)], "#d8d2c2", 1)
    pen.rrect(x - 86 * s, y - 72 * s, x + 86 * s, y - 54 * s, 8 * s, fill=shade(body, 0.8))  # platen
    pen.circle(x - 90 * s, y - 63 * s, 9 * s, fill=dark)
    pen.circle(x + 90 * s, y - 63 * s, 9 * s, fill=dark)
    pen.line([(x - 98 * s, y - 66 * s), (x - 120 * s, y - 78 * s)], "#c8c4b8", 3 * s)       # return lever
    pen.chord((x - 30 * s, y - 70 * s, x + 30 * s, y - 30 * s), 180, 360, fill=dark)         # type-bar basket
    for r, n in ((0, 10), (1, 11), (2, 10), (3, 9)):
        yy = y - 24 * s + r * 8 * s
        for k in range(n):
            kx = x + (k - (n - 1) / 2) * 13 * s + r * 2 * s
            pen.circle(kx, yy, 4.2 * s, fill="#1a1818")
            pen.circle(kx, yy - 0.8 * s, 3.2 * s, fill="#e8e2d2")
    pen.line([(x - 60 * s, y + 4 * s), (x + 60 * s, y + 4 * s)], "#1a1818", 5 * s)          # space bar


def letter_stack(pen, rng, x, base, w, n, colors, string="#a0804a"):
    y = base
    for k in range(n):
        h = rng.uniform(3, 5)
        dx = rng.uniform(-4, 4)
        c = rng.choice(colors)
        pen.rect(x + dx, y - h, x + dx + w, y, fill=c)
        pen.line([(x + dx, y), (x + dx + w, y)], shade(c, 0.8), 0.8)
        y -= h
    pen.line([(x + w * 0.5, base), (x + w * 0.5, y)], string, 1.5)
    pen.poly([(x, y), (x + w, y), (x + w + 8, y - 10), (x + 8, y - 10)], fill=colors[0])          # top envelope
    pen.line([(x + 4, y - 2), (x + w * 0.55, y - 6), (x + w + 4, y - 9)], shade(colors[0], 0.8), 0.8)
    return y


def scene_london_office(rng):
    img, pen = new_canvas()
    # wall: faded green paper above oak panelling
    pen.rect(0, 0, W, H, fill="#6e7a68")
    for k in range(0, W, 28):
        pen.line([(k, 0), (k, 380)], C("#62705e", 160), 6)
    pen.rect(0, 380, W, H, fill="#5a4232")
    pen.rect(0, 374, W, 386, fill="#7a5a42")
    for k in range(0, W, 160):
        pen.rect(k + 16, 400, k + 144, 520, outline="#4a3426", width=3)
    # a picture rail with a small framed landscape
    pen.rect(0, 60, W, 66, fill="#5e6a58")
    pen.line([(150, 66), (180, 120)], "#2a2a2a", 1)
    pen.line([(250, 66), (220, 120)], "#2a2a2a", 1)

    # the window: dusk over London, rooftops, chimney pots, balloons
    wx0, wy0, wx1, wy1 = 560, 70, 1010, 430
    with clip_to(pen, [(wx0, wy0), (wx1, wy0), (wx1, wy1), (wx0, wy1)]) as cp:
        cp.img.paste(vertical_gradient((int((wx1 - wx0) * SS), int((wy1 - wy0) * SS)),
                                           [(0.0, "#3d4a78"), (0.45, "#7a6a8e"), (0.75, "#e09a74"), (1.0, "#f1c28a")]),
                     (int(wx0 * SS), int(wy0 * SS)))
        for bx, by, bs in [(700, 122, 0.8), (905, 176, 0.95), (790, 262, 0.42), (625, 236, 0.36)]:
            barrage_balloon(cp, bx, by, bs, "#c9c3c8", "#9890a0", "#3a3448")
        # far skyline and the dome of St Paul's
        far = "#6e5e78"
        cp.rect(wx0, 338, wx1, wy1, fill=far)
        for k in range(22):
            bx = wx0 + k * 22 + rng.uniform(-6, 6)
            cp.rect(bx, 338 - rng.uniform(4, 20), bx + rng.uniform(14, 26), 346, fill=far)
        cp.rect(666, 290, 718, 346, fill=far)
        cp.chord((658, 252, 726, 320), 180, 360, fill=far)
        cp.rect(688, 234, 696, 256, fill=far)
        cp.circle(692, 232, 4, fill=far)
        glaze(cp, [(wx0, 300), (wx1, 300), (wx1, 350), (wx0, 350)], "#e8a47c", 60, 8)
        # near roofs with chimney stacks and their pots
        near = "#2e2636"
        roofs = [(wx0 - 10, 384), (590, 372), (640, 352), (690, 372), (720, 380), (770, 366), (820, 366),
                 (860, 378), (900, 360), (960, 342), (wx1 + 10, 372), (wx1 + 10, wy1), (wx0 - 10, wy1)]
        cp.poly(roofs, fill=near)
        for cx, cy, n, hgt in [(612, 366, 3, 34), (746, 374, 2, 26), (800, 366, 4, 40), (935, 352, 3, 30),
                               (990, 360, 2, 24)]:
            cp.rect(cx - 7 * n, cy - hgt, cx + 7 * n, cy + 4, fill=near)
            cp.rect(cx - 7 * n - 3, cy - hgt - 3, cx + 7 * n + 3, cy - hgt + 2, fill=shade(near, 1.3))
            for k in range(n):
                px = cx - 7 * n + 7 + k * 14
                cp.poly([(px - 4, cy - hgt - 3), (px + 4, cy - hgt - 3), (px + 3, cy - hgt - 15), (px - 3, cy - hgt - 15)],
                        fill="#4a3236")
                cp.rect(px - 4, cy - hgt - 17, px + 4, cy - hgt - 14, fill="#4a3236")
    # sash frame, glazing bars and the criss-cross anti-blast tape
    frame_c = "#e6dfcf"
    pen.rect(wx0 - 16, wy0 - 16, wx1 + 16, wy0, fill=frame_c)
    pen.rect(wx0 - 16, wy1, wx1 + 16, wy1 + 12, fill=frame_c)
    pen.rect(wx0 - 24, wy1 + 12, wx1 + 24, wy1 + 24, fill="#cfc6b2")                      # sill
    pen.rect(wx0 - 16, wy0, wx0, wy1, fill=frame_c)
    pen.rect(wx1, wy0, wx1 + 16, wy1, fill=frame_c)
    my = (wy0 + wy1) / 2
    pen.rect(wx0, my - 7, wx1, my + 7, fill=frame_c)
    mx = (wx0 + wx1) / 2
    pen.rect(mx - 4, wy0, mx + 4, wy1, fill=frame_c)
    for (a0, b0, a1, b1) in [(wx0, wy0, mx - 4, my - 7), (mx + 4, wy0, wx1, my - 7), (wx0, my + 7, mx - 4, wy1),
                             (mx + 4, my + 7, wx1, wy1)]:
        pen.line([(a0 + 4, b0 + 4), (a1 - 4, b1 - 4)], C("#efe6cf", 110), 5)
        pen.line([(a1 - 4, b0 + 4), (a0 + 4, b1 - 4)], C("#efe6cf", 110), 5)
    # blackout curtains, half drawn
    for side in (0, 1):
        if side == 0:
            pts = [(wx0 - 90, wy0 - 40), (wx0 + 110, wy0 - 40)] + bezier((wx0 + 110, wy0 - 40), (wx0 + 60, 250),
                                                                           (wx0 + 40, 380), (wx0 + 70, 520), 12)[1:] + [(wx0 - 90, 520)]
        else:
            pts = [(wx1 - 80, wy0 - 40), (wx1 + 100, wy0 - 40), (wx1 + 100, 520)] + \
                bezier((wx1 - 50, 520), (wx1 - 30, 380), (wx1 - 40, 250), (wx1 - 80, wy0 - 40), 12)
        pen.poly(pts, fill="#2a2438")
        with clip_to(pen, pts) as cp:
            xs = min(p[0] for p in pts)
            for k in range(9):
                fx = xs + k * 22
                cp.poly([(fx, wy0 - 40), (fx + 9, wy0 - 40), (fx + 14 + (side * 2 - 1) * 10, 520), (fx + 2, 520)],
                        fill=C("#3a3450", 230))
            glaze(cp, [(wx0 - 20, 0), (wx1 + 20, 0), (wx1 + 20, 520), (wx0 - 20, 520)], "#c98c70", 40, 10)
    pen.rect(wx0 - 110, wy0 - 52, wx1 + 110, wy0 - 40, fill="#3a2a20")

    # a small framed landscape on the left wall
    pen.rect(150, 120, 250, 190, fill="#6a4a30")
    pen.rect(158, 128, 242, 182, fill="#c9c2a0")
    pen.poly([(158, 170), (190, 150), (215, 162), (242, 148), (242, 182), (158, 182)], fill="#7a8a5a")
    pen.rect(158, 128, 242, 150, fill="#a9bccc")

    # filing cabinets and a hat on top
    filing_cabinet(pen, 40, 200, 210, 560, "#6b705c")
    filing_cabinet(pen, 214, 260, 384, 560, "#656a57", drawers=3)
    pen.ellipse(70, 182, 170, 200, fill="#3e3a34")
    pen.chord((90, 150, 150, 206), 180, 360, fill="#4a453e")
    pen.rect(90, 176, 150, 184, fill="#2a2622")
    letter_stack(pen, rng, 250, 260, 90, 9, ["#efe6d0", "#e6dcc0", "#f3efe4", "#d9cfb4"])

    # the desk lamp's warm pool and the general dusk dimness
    glaze(pen, [(-10, -10), (W + 10, -10), (W + 10, H), (-10, H)], "#1e1a2a", 60, 0)
    glow(pen, 1120, 430, 380, 240, "#f4c98a", 0.5)

    # desk
    top = [(330, 470), (1290, 470), (1290, 560), (290, 560)]
    pen.poly(top, fill="#6a4630")
    with clip_to(pen, top) as cp:
        for k in range(10):
            yy = 474 + k * 9
            cp.line([(280, yy), (1290, yy + rng.uniform(-1.5, 1.5))], C("#5a3a26", 140), 1.2)
        cp.rect(520, 486, 900, 552, fill="#2f5a40")                                   # leather inset
        cp.rect(520, 486, 900, 490, fill="#3c6c4e")
    pen.rect(290, 560, 1290, 590, fill="#4a3020")
    pen.rect(290, 560, 1290, 564, fill="#8a6040")
    pen.rect(290, 590, 1290, H, fill="#3c2818")
    for k in range(3):
        pen.rect(320 + k * 300, 604, 560 + k * 300, 700, outline="#2e1e12", width=3)
        pen.rrect(420 + k * 300, 640, 460 + k * 300, 650, 3, fill="#b8975a")

    # typewriter, letters, lamp, telephone, tea
    typewriter(pen, 700, 530, 1.05, "#2a2a2c")
    for lx, n in ((380, 12), (440, 8), (930, 14)):
        letter_stack(pen, rng, lx, 540, 70 if lx != 930 else 86, n, ["#efe6d0", "#e6dcc0", "#f3efe4", "#d9cfb4"])
    # in-tray with a few loose letters
    pen.poly([(1040, 548), (1160, 548), (1152, 520), (1048, 520)], fill="#8a6a48")
    pen.poly([(1050, 524), (1150, 524), (1140, 512), (1060, 512)], fill="#f1ead8")
    pen.poly([(1056, 516), (1146, 516), (1150, 506), (1064, 506)], fill="#e6dcc4")
    # banker's lamp
    pen.rect(1190, 536, 1250, 548, fill="#b8975a")
    pen.rect(1216, 470, 1224, 540, fill="#b8975a")
    pen.chord((1160, 440, 1280, 500), 180, 360, fill="#2e6a48")
    pen.rect(1160, 468, 1280, 472, fill="#c9a862")
    pen.chord((1170, 462, 1270, 482), 0, 180, fill="#fff0c0")
    glow(pen, 1220, 500, 120, 50, "#ffe6a8", 0.45)
    # telephone
    pen.poly([(380, 470), (470, 470), (460, 440), (390, 440)], fill="#1c1a1a")
    pen.circle(425, 454, 12, fill="#2e2c2c")
    pen.circle(425, 454, 5, fill="#d9d2c0")
    pen.rrect(376, 424, 474, 436, 6, fill="#1c1a1a")
    pen.ellipse(370, 418, 396, 440, fill="#1c1a1a")
    pen.ellipse(454, 418, 480, 440, fill="#1c1a1a")
    pen.line([(380, 424), (470, 424)], "#4a4444", 1.5)
    mug(pen, 1010, 540, 14, "#e8e2d2", tea="#7a5030")
    return finish(img, rng, vignette=0.3)


def wall_clock(pen, cx, cy, r, hour, minute, face_c="#ece6d6", rim="#2a2a2a"):
    """Plain round wall clock (ticks only, no numerals)."""
    pen.circle(cx + 3, cy + 4, r + 5, fill=C("#000000", 70))
    pen.circle(cx, cy, r + 5, fill=rim)
    pen.circle(cx, cy, r, fill=face_c)
    for k in range(60):
        a = math.radians(k * 6 - 90)
        r0 = r * (0.78 if k % 5 == 0 else 0.88)
        pen.line([(cx + math.cos(a) * r0, cy + math.sin(a) * r0), (cx + math.cos(a) * r * 0.94, cy + math.sin(a) * r * 0.94)],
                 rim, 2.4 if k % 5 == 0 else 0.9)
    ha = math.radians((hour % 12 + minute / 60) * 30 - 90)
    ma = math.radians(minute * 6 - 90)
    pen.line([(cx, cy), (cx + math.cos(ha) * r * 0.5, cy + math.sin(ha) * r * 0.5)], rim, r * 0.09)
    pen.line([(cx, cy), (cx + math.cos(ma) * r * 0.78, cy + math.sin(ma) * r * 0.78)], rim, r * 0.055)
    pen.circle(cx, cy, r * 0.07, fill=rim)
    pen.arc((cx - r * 0.85, cy - r * 0.85, cx + r * 0.85, cy + r * 0.85), 200, 250, C("#ffffff", 160), 2)


def bare_bulb(pen, x, y0, y1, glow_c):
    pen.line([(x, y0), (x, y1 - 14)], "#1a1a1a", 2)
    pen.rect(x - 6, y1 - 16, x + 6, y1 - 6, fill="#5a5650")
    glow(pen, x, y1 + 4, 260, 220, glow_c, 0.45)
    glow(pen, x, y1 + 4, 60, 60, "#fff6d8", 0.8)
    pen.ellipse(x - 10, y1 - 8, x + 10, y1 + 16, fill="#fff8e0")


def board_marks(pen, rng, x0, y0, x1, y1, base, step=22):
    """Board-marked concrete: horizontal shuttering lines and tie holes."""
    y = y0
    while y < y1:
        pen.line([(x0, y), (x1, y)], C(shade(base, 0.8), 150), 1.2)
        for _ in range(int((x1 - x0) / 60)):
            xx = rng.uniform(x0, x1)
            pen.line([(xx, y + 2), (xx + rng.uniform(20, 80), y + 2)], C(shade(base, 1.12), 110), 1.0)
        y += step
    for k in range(int((x1 - x0) / 140) + 1):
        for j in range(int((y1 - y0) / 120) + 1):
            pen.circle(x0 + 60 + k * 140, y0 + 50 + j * 120, 2.5, fill=C(shade(base, 0.6), 200))


def receiver(pen, x0, y0, x1, y1, body, dial_c, eye_c, rng):
    dark, light = shade(body, 0.7), shade(body, 1.18)
    pen.rect(x0 + 5, y0 + 5, x1 + 5, y1 + 5, fill=C("#000000", 80))
    pen.rect(x0, y0, x1, y1, fill=body)
    pen.rect(x0, y0, x1, y0 + 5, fill=light)
    pen.rect(x0 + 8, y0 + 12, x1 - 8, y1 - 8, outline=dark, width=1.4)
    w = x1 - x0
    cx, cy, r = x0 + w * 0.32, (y0 + y1) / 2 - 6, min(w, y1 - y0) * 0.26
    glow(pen, cx, cy, r * 2.2, r * 2.2, dial_c, 0.35)
    dial(pen, cx, cy, r, mix(dial_c, "#fff4d8", 0.5), "#1e1e1c", "#3a2a1a", rng.uniform(200, 340), ticks=18)
    ex, ey = x0 + w * 0.7, y0 + (y1 - y0) * 0.34
    glow(pen, ex, ey, 16, 16, eye_c, 0.8)
    pen.circle(ex, ey, 8, fill="#1a1a18")
    pen.pieslice((ex - 6, ey - 6, ex + 6, ey + 6), 200, 500, fill=eye_c)           # 'magic eye' tuning tube
    for k in range(3):
        knob(pen, x0 + w * (0.55 + k * 0.16), y1 - 22, 7, "#1e1e1c")


def scene_tourcoing_bunker(rng):
    img, pen = new_canvas()
    conc = "#74797c"
    pen.rect(0, 0, W, H, fill=conc)
    board_marks(pen, rng, 150, 70, 1130, 470, conc)
    # ceiling slab and a beam, side walls in perspective
    pen.poly([(0, 0), (W, 0), (1130, 70), (150, 70)], fill="#5e6264")
    pen.rect(150, 60, 1130, 76, fill="#6a6e70")
    left = [(0, 0), (150, 70), (150, 470), (0, 600)]
    right = [(W, 0), (1130, 70), (1130, 470), (W, 600)]
    pen.poly(left, fill="#676b6d")
    pen.poly(right, fill="#606466")
    with clip_to(pen, left) as cp:
        for k in range(16):
            y = 40 + k * 28
            cp.line([(0, y + 30 - k * 0.5), (150, y * 0.86 + 70 * 0.14 + 6)], C("#55595b", 150), 1.2)
    with clip_to(pen, right) as cp:
        for k in range(16):
            y = 40 + k * 28
            cp.line([(W, y + 30 - k * 0.5), (1130, y * 0.86 + 70 * 0.14 + 6)], C("#4f5355", 150), 1.2)
    pen.poly([(0, 600), (150, 470), (1130, 470), (W, 600), (W, H), (0, H)], fill="#4e5050")     # floor
    for k in range(8):
        pen.line([(150 + k * 140, 470), (k * 183, H)], C("#454747", 160), 1.2)
    # a steel door in the left wall
    door = [(30, 130), (120, 95), (120, 470), (30, 545)]
    pen.poly(door, fill="#4a5048")
    pen.poly([(40, 140), (110, 112), (110, 460), (40, 530)], outline="#3a3e38", width=2)
    for yy in (190, 440):
        pen.poly([(26, yy), (50, yy - 9), (50, yy + 3), (26, yy + 12)], fill="#3a3e38")
    pen.line([(96, 300), (96, 336)], "#8a8c86", 4)
    # cables running along the back wall
    for k, c in enumerate(("#2a2a28", "#3a3028", "#22262a")):
        y = 96 + k * 7
        pen.line([(150, y), (1130, y)], c, 3)
        pen.line([(300 + k * 220, y), (300 + k * 220, 250)], c, 2.5)

    # night: the room is dark except for the bare bulb
    glaze(pen, [(-10, -10), (W + 10, -10), (W + 10, H), (-10, H)], "#0e1420", 130, 0)
    bare_bulb(pen, 560, 70, 168, "#f2cf8a")
    glow(pen, 560, 300, 560, 300, "#d9b27a", 0.25)

    # the wall clock: a quarter past nine in the evening
    wall_clock(pen, 960, 170, 46, 9, 15)

    # the bench of receivers
    pen.rect(180, 420, 1110, 436, fill="#5a4a3a")
    pen.rect(180, 436, 1110, 444, fill="#3e3228")
    for k, (x0, x1) in enumerate([(196, 396), (410, 610), (624, 824), (838, 1090)]):
        receiver(pen, x0, 272, x1, 420, ["#5b6058", "#545a56", "#5e625a", "#565a52"][k],
                 ["#ffc46a", "#ffd27a", "#ffc46a", "#ffb85e"][k], "#7ee08a", rng)
    for k, (x0, x1) in enumerate([(220, 372), (640, 808)]):
        pen.rect(x0, 214, x1, 272, fill="#4c504a")
        pen.rect(x0, 214, x1, 219, fill="#5e625c")
        for j in range(5):
            glow(pen, x0 + 24 + j * 28, 243, 9, 9, "#ff9f4a", 0.9)
            pen.circle(x0 + 24 + j * 28, 243, 3, fill="#ffd9a0")

    # the table: notepad, pencil, headphones, a tin mug
    top = [(240, 500), (1040, 500), (1130, 570), (150, 570)]
    pen.poly(top, fill="#6a5440")
    with clip_to(pen, top) as cp:
        for k in range(8):
            cp.line([(140, 504 + k * 9), (1140, 504 + k * 9)], C("#5a4634", 150), 1.2)
    pen.rect(150, 570, 1130, 590, fill="#4a3a2c")
    pen.rect(180, 590, 200, H, fill="#3a2e24")
    pen.rect(1080, 590, 1100, H, fill="#3a2e24")
    notepad(pen, rng, [(520, 512), (660, 510), (672, 560), (512, 562)], "#e9e4d4", "#8a9ab0",
            pencil=((680, 550), (740, 530)))
    headphones(pen, 860, 530, 1.0, "#2e2c28", "#22201c", cord_to=(900, 420))
    mug(pen, 380, 552, 16, "#8a8e86", tea="#3a2a1c")
    glaze(pen, [(-10, -10), (W + 10, -10), (W + 10, H), (-10, H)], "#101826", 40, 0)
    glaze(pen, [(-10, 590), (W + 10, 590), (W + 10, H), (-10, H)], "#0e1420", 70, 20)
    return finish(img, rng, vignette=0.45)


def beam(pen, x, y, angle, length, spread, color, alpha):
    """Searchlight beam: a long soft wedge from (x, y); angle in degrees
    (0 = right, -90 = straight up)."""
    a = math.radians(angle)
    d = (math.cos(a), math.sin(a))
    n = (-d[1], d[0])
    tip_w = length * math.tan(math.radians(spread))
    ex, ey = x + d[0] * length, y + d[1] * length
    pts = [(x + n[0] * 3, y + n[1] * 3), (ex + n[0] * tip_w, ey + n[1] * tip_w),
           (ex - n[0] * tip_w, ey - n[1] * tip_w), (x - n[0] * 3, y - n[1] * 3)]
    glaze(pen, pts, color, alpha, 8)
    core = [(x + n[0] * 1.5, y + n[1] * 1.5), (ex + n[0] * tip_w * 0.3, ey + n[1] * tip_w * 0.3),
            (ex - n[0] * tip_w * 0.3, ey - n[1] * tip_w * 0.3), (x - n[0] * 1.5, y - n[1] * 1.5)]
    glaze(pen, core, color, alpha * 0.8, 4)
    return pts


def wurzburg_dish(pen, x, base, s, color):
    """Silhouette of a large parabolic radar dish on its mount."""
    pen.rect(x - 26 * s, base - 10 * s, x + 26 * s, base, fill=color)
    lattice_w = 1.6 * s
    for k in range(4):
        y0 = base - 10 * s - k * 14 * s
        pen.line([(x - 18 * s + k * 3 * s, y0), (x + 18 * s - k * 3 * s, y0 - 14 * s)], color, lattice_w)
        pen.line([(x + 18 * s - k * 3 * s, y0), (x - 18 * s + k * 3 * s, y0 - 14 * s)], color, lattice_w)
    pen.poly([(x - 20 * s, base - 10 * s), (x - 8 * s, base - 66 * s), (x + 8 * s, base - 66 * s), (x + 20 * s, base - 10 * s)],
             outline=color, width=2.4 * s)
    cx, cy = x - 6 * s, base - 104 * s
    pen.line([(x, base - 66 * s), (cx + 10 * s, cy + 10 * s)], color, 5 * s)
    # the dish, tilted up towards the sky, with its rim and the feed horn
    pts = [(cx + math.cos(t) * 58 * s * math.cos(0.5) - math.sin(t) * 20 * s * math.sin(0.5),
            cy + math.cos(t) * 58 * s * math.sin(0.5) + math.sin(t) * 20 * s * math.cos(0.5))
           for t in [i / 40 * math.tau for i in range(41)]]
    pen.poly(pts, fill=color)
    pen.line([(cx, cy), (cx - 18 * s, cy - 40 * s)], color, 2.2 * s)
    pen.line([(cx - 22 * s, cy - 8 * s), (cx - 18 * s, cy - 40 * s)], color, 1.4 * s)
    pen.line([(cx + 14 * s, cy - 6 * s), (cx - 18 * s, cy - 40 * s)], color, 1.4 * s)


def freya_array(pen, x, base, s, color):
    """A radar array: a hut with a tall rectangular lattice of aerials."""
    pen.rect(x - 22 * s, base - 26 * s, x + 22 * s, base, fill=color)
    pen.poly([(x - 26 * s, base - 26 * s), (x, base - 36 * s), (x + 26 * s, base - 26 * s)], fill=color)
    pen.rect(x - 2 * s, base - 60 * s, x + 2 * s, base - 30 * s, fill=color)
    ax0, ay0, ax1, ay1 = x - 30 * s, base - 130 * s, x + 30 * s, base - 60 * s
    pen.rect(ax0, ay0, ax1, ay1, outline=color, width=2.2 * s)
    for k in range(1, 6):
        yy = ay0 + (ay1 - ay0) * k / 6
        pen.line([(ax0, yy), (ax1, yy)], color, 1.4 * s)
    for k in range(1, 4):
        xx = ax0 + (ax1 - ax0) * k / 4
        pen.line([(xx, ay0), (xx, ay1)], color, 1.4 * s)
    pen.line([(ax0, ay0), (ax1, ay1)], color, 1.0 * s)
    pen.line([(ax1, ay0), (ax0, ay1)], color, 1.0 * s)


def scene_opale_coast(rng):
    img, pen = new_canvas()
    hz = 420
    paint_sky(pen, [(0.0, "#0b1128"), (0.3, "#141e3e"), (0.52, "#263560"), (0.585, "#34436e"), (1.0, "#34436e")])
    # stars
    for _ in range(420):
        sx, sy = rng.uniform(0, W), rng.uniform(0, hz - 30) ** 1.0
        r = rng.choice([0.6, 0.7, 0.8, 1.0, 1.3])
        pen.circle(sx, sy * (0.6 + 0.4 * sy / hz), r, fill=C("#e8ecf8", rng.randint(90, 230)))
    for _ in range(8):
        sx, sy = rng.uniform(0, W), rng.uniform(10, 240)
        pen.line([(sx - 4, sy), (sx + 4, sy)], C("#ffffff", 160), 0.8)
        pen.line([(sx, sy - 4), (sx, sy + 4)], C("#ffffff", 160), 0.8)
        pen.circle(sx, sy, 1.4, fill="#ffffff")
    # the moon behind thin cloud
    glow(pen, 1040, 120, 200, 200, "#8da0c8", 0.45)
    pen.circle(1040, 120, 30, fill="#eef0e6")
    pen.circle(1030, 112, 6, fill="#dcdfd6")
    pen.circle(1050, 128, 8, fill="#dcdfd6")
    for cx, cy, w, h, a in [(980, 150, 420, 16, 150), (700, 90, 520, 14, 120), (1150, 230, 380, 12, 130),
                            (300, 180, 560, 14, 110)]:
        stratus(pen, rng, cx, cy, w, h, "#3a4670", a, 8)
    stratus(pen, rng, 1030, 135, 160, 8, "#8a96b8", 120, 4)

    # searchlight beams sweeping the sky
    lights = [(250, 246), (470, 312), (820, 402)]
    beams = []
    for (bx, by), ang, ln, sp, al in zip(lights, (-64, -100, -122), (760, 700, 560), (3.6, 3.0, 2.4), (85, 75, 55)):
        beams.append(beam(pen, bx, by, ang, ln, sp, "#dfe6f2", al))

    # 'Window': drifting clouds of silvery foil strips over the sea
    def foil(cx, cy, a=None, bright=None):
        ln = rng.uniform(1.6, 4.2)
        a = rng.uniform(0, math.pi) if a is None else a
        c = C("#dde2ec", bright or rng.randint(100, 220))
        pen.line([(cx, cy), (cx + math.cos(a) * ln, cy + math.sin(a) * ln)], c, 0.9)
    for (cx, cy, sx, sy, n) in [(820, 150, 150, 55, 380), (1040, 270, 170, 50, 360), (1190, 90, 110, 45, 260),
                                (660, 300, 90, 30, 120)]:
        for _ in range(n):
            x = cx + rng.gauss(0, sx)
            y = cy + rng.gauss(0, sy) + (x - cx) * 0.25
            if y < hz - 8:
                foil(x, y)
    for _ in range(120):
        foil(rng.uniform(560, W), rng.uniform(20, hz - 20))
    for _ in range(36):
        x, y = rng.gauss(950, 200), rng.gauss(190, 90)
        pen.circle(x, y, 1.3, fill="#ffffff")
        pen.line([(x - 3, y), (x + 3, y)], C("#ffffff", 150), 0.7)
        pen.line([(x, y - 3), (x, y + 3)], C("#ffffff", 110), 0.7)
    for pts in beams:                                   # foil glinting where a beam crosses it
        with clip_to(pen, pts) as cp:
            for _ in range(200):
                x, y = rng.uniform(200, W), rng.uniform(0, hz)
                ln = rng.uniform(1.5, 4)
                a = rng.uniform(0, math.pi)
                cp.line([(x, y), (x + math.cos(a) * ln, y + math.sin(a) * ln)], C("#ffffff", 230), 1.0)

    # the sea with the moon's path
    pen.rect(0, hz, W, H, fill="#141e38")
    haze_band(pen, hz, H, "#0a1024", 0.0, 0.6)
    for _ in range(300):
        yy = rng.uniform(hz + 2, H)
        t = (yy - hz) / (H - hz)
        spread = 30 + t * 200
        xx = 1040 + rng.gauss(0, spread * 0.5)
        ln = rng.uniform(4, 18) * (0.4 + t)
        pen.line([(xx - ln, yy), (xx + ln, yy)], C("#c9d2e6", rng.randint(60, 190)), 0.8 + t * 1.6)
    for _ in range(160):
        yy = rng.uniform(hz + 4, H)
        xx = rng.uniform(0, W)
        pen.line([(xx, yy), (xx + rng.uniform(10, 40) * (1 + (yy - hz) / 200), yy)], C("#2c3a5c", 150), 1.0)
    pen.line([(0, hz), (W, hz)], C("#5a6890", 120), 1.0)

    # a far headland (Cap Gris-Nez) and the near chalk cliff (Cap Blanc-Nez)
    pen.poly([(600, hz + 2), (650, hz - 14), (760, hz - 24), (860, hz - 20), (940, hz + 2)], fill="#26304c")
    pen.poly([(700, hz - 16), (770, hz - 21), (850, hz - 16), (900, hz + 2), (680, hz + 2)], fill="#36426a")
    top = bezier((-10, 236), (120, 222), (220, 228), (320, 262), 12) + \
        bezier((320, 262), (420, 296), (560, 352), (660, 410), 12)[1:] + \
        bezier((660, 410), (700, 434), (740, 458), (800, 472), 8)[1:]
    foot = [(800, 472), (600, 484), (400, 494), (200, 502), (-10, 508)]

    def sky_y(x):
        for (xa, ya), (xb, yb) in zip(top, top[1:]):
            if xa <= x <= xb:
                return ya + (yb - ya) * (x - xa) / max(1e-6, xb - xa)
        return top[-1][1]

    def foot_y(x):
        for (xa, ya), (xb, yb) in zip(foot[::-1], foot[::-1][1:]):
            if xa <= x <= xb:
                return ya + (yb - ya) * (x - xa) / max(1e-6, xb - xa)
        return foot[0][1]
    # the grassy down behind the cliff edge
    pen.poly(top + [(800, 480), (-10, 480)], fill="#1e2838")
    # the chalk face: fluted columns below a ragged edge
    face_top = []
    x = -10.0
    while x < 790:
        k = min(1.0, (800 - x) / 160)
        face_top.append((x, min(foot_y(x), sky_y(x) + (16 + 8 * math.sin(x / 41) + rng.uniform(-3, 3)) * k)))
        x += rng.uniform(10, 22)
    face_top.append((800, 472))
    face = face_top + foot[1:]
    pen.poly(face, fill="#66708c")
    with clip_to(pen, face) as cp:
        x = -10.0
        k = 0
        while x < 800:
            w = rng.uniform(12, 34)
            t = max(0.0, min(1.0, (x - 150) / 520))
            c = mix(mix("#4e5874", "#6a7492", rng.random()), "#9aa5c2", t * rng.uniform(0.5, 0.9))
            y0 = sky_y(x) + 14 + rng.uniform(0, 14)
            cp.poly([(x, y0), (x + w, y0 + rng.uniform(-6, 6)), (x + w + rng.uniform(-6, 6), 520),
                     (x + rng.uniform(-6, 6), 520)], fill=c)
            cp.line([(x, y0), (x + rng.uniform(-5, 5), 520)], C("#3a4260", 160), 1.2)
            x += w
            k += 1
        glaze(cp, [(-10, 200), (220, 200), (120, 520), (-10, 520)], "#141a30", 110, 40)
    pen.line(face_top, C("#c8d0e4", 120), 1.3)
    # talus of fallen chalk at the foot
    pen.poly([(x, foot_y(x) - 6 - 6 * abs(math.sin(x / 23)) * min(1, (800 - x) / 200) - rng.uniform(0, 4))
              for x in range(800, -20, -24)] + [(-10, 512), (800, 476)], fill="#4a5472")
    pen.line(top, "#10162a", 2)
    # radar and searchlight silhouettes on the cliff top
    sil = "#0c1120"
    wurzburg_dish(pen, 120, 226, 1.0, sil)
    freya_array(pen, 380, 286, 0.85, sil)
    for bx, by in lights[:2]:
        pen.circle(bx, by - 2, 7, fill=sil)
        pen.rect(bx - 7, by - 2, bx + 7, by + 10, fill=sil)
        glow(pen, bx, by - 4, 16, 16, "#ffffff", 0.75)
    glow(pen, lights[2][0], lights[2][1] - 2, 8, 8, "#ffffff", 0.6)
    # rocks and surf at the foot of the cliff, a corner of shingle
    pen.poly(foot + [(-10, 530), (120, 528), (300, 522), (480, 514), (640, 500)], fill="#1a2034")
    for k in range(4):
        x0 = rng.uniform(-10, 300)
        pen.line([(x, foot_y(x) + 6 + k * 7) for x in range(int(x0), 800 - k * 90, 20)], C("#9aa6c4", 110 - k * 22), 1.4)
    pen.poly([(-10, 640), (180, 650), (360, 700), (420, H + 10), (-10, H + 10)], fill="#1c2232")
    for k in range(3):
        pen.line(bezier((-10, 640 - k * 12), (120, 644 - k * 12), (280, 672 - k * 12), (430 + k * 30, H + 10), 14),
                 C("#8a96b8", 90 - k * 25), 1.2)
    return finish(img, rng, vignette=0.35)


# ==========================================================================
# PORTRAITS (same construction as generate_art.py: bust, head, face, frame)
# ==========================================================================

def lips(pen, color, wide=1.0):
    """Painted lips under the shared smile line (1940s lipstick)."""
    pen.chord((128 - 13 * wide, 138, 128 + 13 * wide, 156), 20, 160, fill=color)
    pen.poly([(119, 146.5), (124, 144.5), (128, 146), (132, 144.5), (137, 146.5), (128, 148)], fill=shade(color, 0.9))
    pen.arc((114, 134, 142, 154), 25, 155, INK, DW)


def victory_roll(pen, cx, cy, rx, ry, color, light, turn=1):
    """One rolled curl of 1940s hair: a fat oval with a spiral line."""
    pen.ellipse(cx - rx, cy - ry, cx + rx, cy + ry, fill=color, outline=INK, width=DW)
    pen.arc((cx - rx * 0.62, cy - ry * 0.62, cx + rx * 0.62, cy + ry * 0.62), 200 if turn > 0 else -20,
            340 if turn > 0 else 120, light, 2.6)
    pen.arc((cx - rx * 0.3, cy - ry * 0.3, cx + rx * 0.3, cy + ry * 0.3), 0, 300, C(INK, 160), 1.4)


def khaki_lapels(pen, jacket, shirt, tie, tie_knot=True):
    """Open-collared khaki tunic: shirt, tie and notched lapels."""
    pen.poly([(104, 190), (152, 190), (128, 256)], fill=shirt, outline=INK, width=LW)
    if tie:
        pen.poly([(121, 197), (135, 197), (132, 207), (124, 207)], fill=tie, outline=INK, width=DW)
        pen.poly([(124, 207), (132, 207), (137, 246), (128, 256), (119, 246)], fill=tie, outline=INK, width=DW)
    pen.poly([(104, 190), (124, 204), (112, 212)], fill=shade(shirt, 1.08), outline=INK, width=DW)
    pen.poly([(152, 190), (132, 204), (144, 212)], fill=shade(shirt, 1.08), outline=INK, width=DW)
    for side in (-1, 1):
        pen.poly([(128 + side * 26, 190), (128 + side * 10, 256), (128 + side * 44, 256), (128 + side * 40, 226),
                  (128 + side * 50, 216), (128 + side * 40, 194)], fill=shade(jacket, 1.1), outline=INK, width=LW)


def chest_pockets(pen, cloth, button, xs=(58, 164), y=222, w=34):
    for x in xs:
        pen.rect(x, y, x + w, y + 34, fill=shade(cloth, 0.95), outline=INK, width=DW)
        pen.line([(x + w / 2, y + 10), (x + w / 2, y + 34)], C(INK, 110), 1.2)               # box pleat
        pen.poly([(x - 2, y - 2), (x + w + 2, y - 2), (x + w + 2, y + 9), (x + w / 2, y + 13), (x - 2, y + 9)],
                 fill=shade(cloth, 1.05), outline=INK, width=DW)
        buttons(pen, x + w / 2, (y + 8,), 2.8, button)


def portrait_peggy():
    img, pen = new_canvas((PW, PW), PSS)
    skin, hair, hair_l = "#f3cbb0", "#8a4a2c", "#a9623e"
    portrait_backdrop(pen, "#e7a08e")
    # hair behind the head: shoulder length, rolled under at the nape
    pen.ellipse(72, 44, 184, 158, fill=hair, outline=INK, width=LW)
    pen.rrect(70, 120, 186, 170, 22, fill=hair, outline=INK, width=LW)
    for k in range(5):
        pen.arc((76 + k * 21, 148, 102 + k * 21, 168), 20, 160, hair_l, 2.2)
    tunic = "#8c7c50"
    bust(pen, tunic, skin)
    khaki_lapels(pen, tunic, "#c2b07e", "#6f6340")
    chest_pockets(pen, tunic, "#c9a850", xs=(52, 170), y=226, w=32)
    # headphones resting round her neck: band behind, cups on the collar
    pen.arc((92, 150, 164, 214), 20, 160, "#2e2a26", 5.5)
    for cx in (96, 160):
        pen.ellipse(cx - 13, 186, cx + 13, 214, fill="#2e2a26", outline=INK, width=DW)
        pen.ellipse(cx - 7, 193, cx + 7, 207, fill="#5a5048")
    pen.line(bezier((160, 212), (170, 236), (196, 232), (206, 256), 10), "#2e2a26", 2.2)
    head(pen, skin)
    # hair on top: a side parting and two big victory rolls
    top = arc_pts(128, 102, 52, 56, 180, 360, 24)
    hairline = bezier((180, 104), (176, 86), (160, 80), (140, 82), 10) + \
        bezier((140, 82), (116, 84), (90, 86), (76, 104), 10)[1:]
    pen.poly(top + hairline, fill=hair, outline=INK, width=LW)
    victory_roll(pen, 106, 64, 23, 17, hair, hair_l, 1)
    victory_roll(pen, 152, 66, 21, 16, hair, hair_l, -1)
    pen.arc((84, 86, 112, 120), 190, 260, hair_l, 2.4)
    face(pen, skin, hair, "smile")
    lips(pen, "#c4504a")
    frame(pen)
    return finish_portrait(img)


def portrait_tom():
    img, pen = new_canvas((PW, PW), PSS)
    skin, hair = "#eab894", "#7a5234"
    portrait_backdrop(pen, "#86c4bd")
    bd = "#7b7048"
    bust(pen, bd, skin)
    # battledress blouse with an open collar over a khaki shirt
    pen.poly([(106, 192), (150, 192), (128, 224)], fill="#b9a676", outline=INK, width=LW)
    pen.line([(128, 224), (128, 256)], INK, DW)
    for side in (-1, 1):
        pen.poly([(128 + side * 22, 188), (128 + side * 2, 226), (128 + side * 32, 214), (128 + side * 48, 194)],
                 fill=shade(bd, 1.12), outline=INK, width=LW)
    chest_pockets(pen, bd, "#8a7d54", xs=(56, 166), y=228, w=34)
    # camouflage scrim scarf: a loop of netting with scraps of cloth
    scarf = bezier((92, 188), (104, 212), (152, 212), (164, 188), 12) + \
        bezier((164, 188), (158, 200), (98, 200), (92, 188), 12)[1:]
    pen.poly(scarf, fill="#6f7a4a", outline=INK, width=DW)
    with clip_to(pen, scarf) as cp:
        for k in range(-8, 12):
            cp.line([(80 + k * 7, 184), (100 + k * 7, 214)], C("#3e4428", 200), 1.2)
            cp.line([(100 + k * 7, 184), (80 + k * 7, 214)], C("#3e4428", 200), 1.2)
        for x, y, c in [(104, 198, "#8a7a4a"), (118, 204, "#55603a"), (134, 204, "#9a8a5a"), (148, 199, "#5f6a3e")]:
            cp.ellipse(x - 6, y - 3, x + 6, y + 3, fill=c)
    pen.poly([(150, 200), (158, 232), (166, 228), (160, 198)], fill="#6f7a4a", outline=INK, width=1.6)   # loose end
    head(pen, skin)
    side_hair(pen, hair, 78, 112, 14)
    # beret pulled down to the right, a plain brass badge over the left eye
    beret = "#2f3652"
    pen.poly(bezier((76, 86), (70, 50), (120, 34), (168, 42), 14) + bezier((168, 42), (196, 48), (196, 72), (182, 88), 10)[1:] +
             [(176, 90), (80, 90)], fill=beret, outline=INK, width=LW)
    pen.rrect(76, 78, 180, 94, 7, fill=shade(beret, 0.8), outline=INK, width=DW)
    pen.arc((96, 40, 170, 80), 200, 300, C("#ffffff", 50), 3)
    pen.ellipse(96, 62, 112, 80, fill="#c9a850", outline=INK, width=1.4)
    pen.ellipse(100, 66, 108, 76, fill="#e0c470")
    # a little hair escaping at the front
    pen.poly([(120, 94), (134, 94), (128, 102)], fill=hair, outline=INK, width=1.4)
    face(pen, skin, hair, "open", brow_w=2.6, brow_lift=2)
    for fx, fy in [(98, 126), (104, 130), (94, 131), (152, 126), (158, 130), (162, 125)]:    # freckles
        pen.circle(fx, fy, 1.2, fill=shade(skin, 0.72))
    for ex, d in ((108, -1), (148, 1)):                                                       # smile creases
        pen.arc((ex + d * 6 - 6, 116, ex + d * 6 + 6, 126), 0 if d > 0 else 180, 90 if d > 0 else 270,
                shade(skin, 0.7), 1.2)
    frame(pen)
    return finish_portrait(img)


def portrait_clarke():
    img, pen = new_canvas((PW, PW), PSS)
    skin, hair, hair_l = "#f0c7ab", "#3a2820", "#5a4034"
    portrait_backdrop(pen, "#d59cc0")
    # hair behind: rolled all round the nape (a 1940s 'roll')
    pen.ellipse(72, 48, 184, 156, fill=hair, outline=INK, width=LW)
    pen.rrect(68, 138, 188, 172, 17, fill=hair, outline=INK, width=LW)
    for k in range(5):
        pen.arc((76 + k * 21, 144, 100 + k * 21, 168), 30, 150, hair_l, 2)
    suit = "#353a4e"
    bust(pen, suit, skin)
    # white blouse with a pointed collar, dark suit with wide lapels
    pen.poly([(104, 190), (152, 190), (128, 240)], fill="#f3efe6", outline=INK, width=LW)
    pen.poly([(106, 190), (126, 206), (104, 214)], fill="#fbf8f1", outline=INK, width=DW)
    pen.poly([(150, 190), (130, 206), (152, 214)], fill="#fbf8f1", outline=INK, width=DW)
    for side in (-1, 1):
        pen.poly([(128 + side * 24, 190), (128 + side * 2, 248), (128 + side * 8, 256), (128 + side * 46, 256),
                  (128 + side * 42, 224), (128 + side * 54, 212), (128 + side * 40, 194)],
                 fill=shade(suit, 1.18), outline=INK, width=LW)
    for k in range(7):                                            # faint chalk stripe
        x = 40 + k * 8
        pen.line([(x, 212 + k), (x - 4, 256)], C("#8a8ea4", 90), 1.0)
        pen.line([(216 - k * 8, 212 + k), (220 - k * 8, 256)], C("#8a8ea4", 90), 1.0)
    pen.circle(166, 232, 5, fill="#d9b45a", outline=INK, width=1.4)                # small brooch
    pen.circle(166, 232, 2, fill="#f6e6b0")
    head(pen, skin)
    # swept-up front roll with a side parting
    top = arc_pts(128, 102, 52, 56, 180, 360, 24)
    hairline = bezier((180, 106), (176, 84), (162, 78), (146, 80), 10) + \
        bezier((146, 80), (120, 82), (92, 88), (76, 106), 10)[1:]
    pen.poly(top + hairline, fill=hair, outline=INK, width=LW)
    pen.poly(bezier((84, 84), (88, 50), (150, 40), (176, 70), 14) + bezier((176, 70), (150, 66), (110, 72), (84, 84), 10)[1:],
             fill=hair, outline=INK, width=DW)
    pen.arc((96, 50, 166, 84), 200, 320, hair_l, 3)
    for sx in (76, 180):                                           # hair framing the face
        pen.poly([(sx, 100), (sx + (10 if sx < 128 else -10), 102), (sx + (8 if sx < 128 else -8), 136),
                  (sx - (2 if sx < 128 else -2), 140)], fill=hair, outline=INK, width=DW)
    face(pen, skin, hair, "small", brow_w=2.2, brow_lift=3)
    lips(pen, "#b8383e", 0.9)
    for ex in (81, 175):                                           # pearl earrings
        pen.circle(ex, 140, 5, fill="#f4f0e8", outline=INK, width=1.4)
        pen.circle(ex - 1.5, 138.5, 1.6, fill="#ffffff")
    frame(pen)
    return finish_portrait(img)


def portrait_hans():
    img, pen = new_canvas((PW, PW), PSS)
    skin, hair, hair_l = "#eec6a6", "#b8955a", "#d6b878"
    portrait_backdrop(pen, "#c2b4a6")
    tunic = "#6c715e"
    bust(pen, tunic, skin)
    # plain field tunic: closed-up collar, four buttons, pockets; no badges at all
    pen.poly([(104, 192), (152, 192), (128, 214)], fill="#b8b6a6", outline=INK, width=DW)      # shirt at the throat
    for side in (-1, 1):
        pen.poly([(128 + side * 24, 188), (128 + side * 2, 214), (128 + side * 4, 222), (128 + side * 40, 206),
                  (128 + side * 42, 194)], fill=shade(tunic, 1.1), outline=INK, width=LW)
    pen.line([(128, 216), (128, 256)], INK, DW)
    buttons(pen, 134, (228, 246), 3, "#8e9082")
    chest_pockets(pen, tunic, "#8e9082", xs=(56, 166), y=226, w=34)
    # headphone cord down to the set below
    pen.line(bezier((80, 140), (66, 180), (70, 220), (58, 256), 10), "#2a2622", 2.2)
    head(pen, skin, ears=False)
    # short fair hair with a side parting and a fringe that has flopped forward
    top = arc_pts(128, 102, 52, 54, 180, 360, 24)
    fringe = [(180, 100), (174, 84), (166, 90), (160, 78), (150, 86), (140, 76), (132, 88), (122, 78),
              (112, 90), (104, 82), (96, 94), (88, 88), (76, 100)]
    pen.poly(top + smooth(fringe, 3), fill=hair, outline=INK, width=LW)
    for x0, y0, x1, y1 in [(100, 60, 120, 80), (124, 56, 146, 78), (150, 62, 168, 82), (90, 70, 104, 90),
                           (160, 70, 176, 92)]:
        pen.arc((x0, y0, x1, y1), 200, 320, hair_l, 2.2)
    # headphones on: the band over the head, big cups over the ears
    pen.arc((70, 34, 186, 150), 185, 355, "#2a2622", 7)
    pen.arc((70, 34, 186, 150), 190, 350, "#4a4440", 3)
    for cx in (78, 178):
        pen.ellipse(cx - 13, 96, cx + 13, 136, fill="#2e2a26", outline=INK, width=LW)
        pen.ellipse(cx - 7, 106, cx + 7, 126, fill="#4e4842")
    face(pen, skin, "#9a7a44", "none", brow_w=2.2, brow_lift=0)
    pen.line(bezier((119, 148), (125, 150), (131, 150), (137, 147.5), 8), INK, DW)        # a tired half-smile
    # tired eyes: heavy lids and shadows underneath, brows tilted up inside
    for ex in (108, 148):
        pen.chord((ex - 7, 104, ex + 7, 116), 180, 360, fill=skin)
        pen.line([(ex - 6.5, 110.5), (ex + 6.5, 110.5)], INK, 1.8)
        pen.arc((ex - 8, 114, ex + 8, 126), 30, 150, shade(skin, 0.78), 1.6)
        pen.arc((ex - 7, 117, ex + 7, 128), 40, 140, C("#8a7aa0", 90), 1.4)
    frame(pen)
    return finish_portrait(img)


def portrait_wilson():
    img, pen = new_canvas((PW, PW), PSS)
    skin, grey = "#e9b898", "#c9c4bc"
    portrait_backdrop(pen, "#9fa8d8")
    sd = "#8a7a50"
    bust(pen, sd, skin)
    khaki_lapels(pen, sd, "#c7b68a", "#6a5c38")
    for side in (-1, 1):                                           # red staff tabs on the collar
        x = 128 + side * 36
        pen.poly([(x - 8, 198), (x + 8, 202), (x + 6, 212), (x - 10, 208)], fill="#b8343a", outline=INK, width=1.4)
        pen.line([(x - 8, 205), (x + 6, 208)], "#e0a040", 1.0)
    # breast pocket with a brass button
    pen.rect(162, 222, 194, 248, fill=shade(sd, 0.95), outline=INK, width=DW)
    buttons(pen, 178, (230,), 2.8, "#d0ac52")
    buttons(pen, 128, (252,), 3.2, "#d0ac52")
    head(pen, skin, long=3)
    side_hair(pen, grey, 72, 112, 20, long=3)
    # peaked cap: khaki crown, red band, brown leather peak, plain gilt badge
    cap = "#8a7a4e"
    pen.poly([(78, 78), (70, 46), (128, 30), (186, 46), (178, 78)], fill=cap, outline=INK, width=LW)
    pen.rect(80, 62, 176, 79, fill="#b8343a", outline=INK, width=DW)
    pen.ellipse(120, 52, 136, 70, fill="#d6b256", outline=INK, width=1.2)
    pen.circle(128, 61, 3, fill="#f2dc94")
    pen.chord((80, 66, 176, 94), 0, 180, fill="#4a2e1c", outline=INK, width=LW)
    pen.line([(92, 40), (164, 40)], C("#ffffff", 50), 2)
    face(pen, skin, "#9a948c", "small", brow_w=3.2, brow_lift=-1)
    # grey clipped moustache and wrinkles
    pen.poly(bezier((108, 142), (114, 134), (124, 134), (128, 137), 8) +
             bezier((128, 137), (132, 134), (142, 134), (148, 142), 8)[1:] +
             bezier((148, 142), (140, 146), (134, 144), (128, 142), 6)[1:] +
             bezier((128, 142), (122, 144), (116, 146), (108, 142), 6)[1:], fill=grey, outline=INK, width=DW)
    for ex, d in ((108, -1), (148, 1)):
        for k in (-1, 1):
            pen.line([(ex + d * 9, 113 + k * 1), (ex + d * 14, 111 + k * 4)], shade(skin, 0.72), 1.3)
    pen.arc((94, 120, 112, 160), 150, 210, shade(skin, 0.75), 1.4)
    pen.arc((144, 120, 162, 160), 330, 30, shade(skin, 0.75), 1.4)
    pen.line([(116, 92), (140, 92)], shade(skin, 0.8), 1.2)
    frame(pen)
    return finish_portrait(img)


# ==========================================================================
# main
# ==========================================================================

def readme_text():
    """assets/maps/README.md: projections and pixel positions of places."""
    def rows(places, proj):
        out = ["| Place | Lat (N) | Lon (E) | Pixel [x, y] |", "|---|---|---|---|"]
        for name, la, lo in places:
            x, y = proj(la, lo)
            out.append(f"| {name} | {la:.2f} | {lo:.2f} | [{round(x)}, {round(y)}] |")
        return "\n".join(out)
    return f"""# Maps

Drawn by code: `assets/generate_art_maps_fortitude.py` (Pillow only, no download,
fixed seeds; run `.venv/bin/python assets/generate_art_maps_fortitude.py`).
Both maps are 1280x720 RGB, flat and calm: soft blue sea with wave marks,
warm light land, thin dark coastline, neighbouring countries in another tint,
dashed borders, a few rivers.  They carry **no text, no labels and no town
dots**: the game draws its own pins on top.  Coastlines and borders are
simplified from approximate real latitude / longitude polylines.

Longitudes east of Greenwich are positive, west negative.  Pixel (0, 0) is
the top-left corner; round to the nearest pixel.

## nord_pas_de_calais.png

The Nord and Pas-de-Calais departements (cream), the Channel / North Sea,
Belgium (pink-grey, behind the dashed border), the Somme and Aisne to the
south (grey-beige, outside the region: the southern edge follows the Authie
river, then the Nord / Somme / Aisne boundary), a corner of Kent at the very
top-left (Dover).  Thin dashed line: the Nord / Pas-de-Calais boundary.
Rivers: Aa, Lys, Deule, Scarpe, Escaut (Scheldt), Sambre, Canche, Authie,
Somme, Yser, Haine, Liane.

Projection (fixed):

    x = (lon - 1.30) / 3.22 * 1280
    y = (51.13 - lat) / 1.15 * 720

{rows(PLACES_NPDC, proj_npdc)}

## fortitude_channel.png

Southern England and Wales, the Channel with the Isle of Wight and the Channel
Islands, northern France from the Cotentin to Dunkerque, Belgium and the edge
of the Netherlands (Zeeland).  The Nord-Pas-de-Calais region is tinted a
little warmer than the rest of France (the area the Germans were made to
watch).  The Dover - Calais strait is about 60 px wide.

Projection (fixed):

    x = (lon + 6.2) / 10.2 * 1280
    y = (52.5 - lat) / 3.6 * 720

{rows(PLACES_CHANNEL, proj_channel)}
"""


def main():
    """Write every file (each picture has its own seed)."""
    MAP_DIR.mkdir(parents=True, exist_ok=True)
    save_png(map_nord_pas_de_calais(random.Random(SEED + 1)), MAP_DIR / "nord_pas_de_calais.png")
    save_png(map_fortitude_channel(random.Random(SEED + 2)), MAP_DIR / "fortitude_channel.png")
    (MAP_DIR / "README.md").write_text(readme_text(), encoding="utf-8")
    save_png(scene_kent_field(random.Random(SEED + 11)), BG_DIR / "fort_kent_field.png")
    save_png(scene_radio_hut(random.Random(SEED + 12)), BG_DIR / "fort_radio_hut.png")
    save_png(scene_london_office(random.Random(SEED + 13)), BG_DIR / "fort_london_office.png")
    save_png(scene_tourcoing_bunker(random.Random(SEED + 14)), BG_DIR / "fort_tourcoing_bunker.png")
    save_png(scene_opale_coast(random.Random(SEED + 15)), BG_DIR / "fort_opale_coast.png")
    save_png(portrait_peggy(), PORTRAIT_DIR / "peggy.png")
    save_png(portrait_tom(), PORTRAIT_DIR / "tom.png")
    save_png(portrait_clarke(), PORTRAIT_DIR / "clarke.png")
    save_png(portrait_hans(), PORTRAIT_DIR / "hans.png")
    save_png(portrait_wilson(), PORTRAIT_DIR / "wilson.png")


if __name__ == "__main__":
    main()
