# Two entry points that work on a fresh machine: `make play` and `make test`.
PYTHON ?= python3
VENV   := .venv
PY     := $(VENV)/bin/python
STAMP  := $(VENV)/.installed

.PHONY: play voice check lint test venv validate autoplay shots i18n content-pot content-update content-compile xvfb clean

$(STAMP): pyproject.toml
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e '.[test]'
	touch $(STAMP)

venv: $(STAMP)

play: $(STAMP) voice
	$(PY) main.py

# Reading aloud speaks with espeak-ng (offline, four languages). Installed when this machine allows it;
# without it the game runs and says in Settings what is missing.
voice:
	@command -v espeak-ng >/dev/null 2>&1 || { \
	  if [ "$$(id -u)" = 0 ]; then SUDO=; elif sudo -n true 2>/dev/null; then SUDO=sudo; else SUDO=no; fi; \
	  if [ "$$SUDO" != no ] && command -v apt-get >/dev/null 2>&1; then \
	    { $$SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq espeak-ng >/dev/null; } \
	      || echo "espeak-ng could not be installed: the game runs without the voice."; \
	  else echo "Reading aloud needs espeak-ng: install it (sudo apt-get install espeak-ng) for the voice."; fi; }

validate: $(STAMP)
	$(PY) main.py validate

autoplay: $(STAMP)
	$(PY) main.py autoplay --chapter all

# Screenshots of every step of every chapter (needs a display: runs under Xvfb).
shots: $(STAMP) xvfb
	rm -rf build/shots
	xvfb-run -a -s "-screen 0 1280x720x24" $(PY) main.py autoplay --chapter all --shots build/shots --data-dir build/autoplay-data

# Translation catalogues: interface strings (game/locale) and content (levels/locale).
i18n: $(STAMP)
	$(VENV)/bin/pybabel extract -F babel.cfg -k tr -k N_ -k say -k n:1,2 --no-wrap --project coupole-game \
	  -o game/locale/messages.pot game teacher_mode
	$(VENV)/bin/pybabel update -i game/locale/messages.pot -d game/locale -D messages --no-wrap
	$(PY) main.py i18n

# The same content strings through plain pybabel (the YAML extractor is registered by pyproject.toml):
# extract to levels/locale/content.pot, merge into every levels/locale/<lang>/LC_MESSAGES/content.po
# (a changed source line is marked fuzzy, not lost), and compile to check the catalogues.
content-pot: $(STAMP)
	mkdir -p levels/locale
	$(VENV)/bin/pybabel extract -F babel-content.cfg --no-wrap --project coupole-game \
	  -o levels/locale/content.pot .

content-update: content-pot
	@for lang in $$(ls levels/locale | grep -v '\.pot$$'); do \
	  po=levels/locale/$$lang/LC_MESSAGES/content.po; \
	  if [ -f $$po ]; then $(VENV)/bin/pybabel update -i levels/locale/content.pot -d levels/locale -l $$lang -D content --no-wrap --previous; \
	  else $(VENV)/bin/pybabel init -i levels/locale/content.pot -d levels/locale -l $$lang -D content --no-wrap; fi; \
	done

content-compile: $(STAMP)
	$(VENV)/bin/pybabel compile -d levels/locale -D content --statistics

# Xvfb gives the rendering tests a real X11 window on Mesa's software renderer;
# Chromium opens the teacher's HTML report in the report tests; LibreOffice Calc reads the CSV export back.
xvfb:
	@{ command -v xvfb-run >/dev/null 2>&1 && command -v chromium >/dev/null 2>&1 && command -v espeak-ng >/dev/null 2>&1 && command -v soffice >/dev/null 2>&1; } || { \
	  SUDO=$$( [ "$$(id -u)" = 0 ] || echo sudo ); \
	  $$SUDO apt-get update -qq && \
	  DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq xvfb xauth libgl1 libglu1-mesa chromium espeak-ng libreoffice-calc-nogui >/dev/null; }

# A real Learning Record Store for the tests (Ralph), in its own environment so its pinned
# dependencies never touch the game's.
RALPH := .venv-ralph/.installed
$(RALPH):
	test -x .venv-ralph/bin/python || $(PYTHON) -m venv .venv-ralph
	.venv-ralph/bin/python -m pip install --quiet "ralph-malph[cli,lrs]==5.1.0" requests
	touch $(RALPH)

# The pure core (no arcade): ruff and mypy keep it clean.
CORE  := game/content game/story game/records game/presenters game/navigator.py game/preferences.py \
         game/i18n.py game/session.py game/stats.py game/catalogs.py
TYPED := $(CORE)
FAST  := not render and not slow and not lrs and not browser and not process

# Static checks on the pure core.
lint: $(STAMP)
	$(VENV)/bin/ruff check $(CORE)
	$(VENV)/bin/mypy --follow-imports=silent $(TYPED)

# The fast tier: static checks, then every test that needs no window, no network, no browser and starts no process.
check: lint
	$(PY) -m pytest -q -p no:cacheprovider -m "$(FAST)"

test: $(STAMP) lint xvfb $(RALPH)
	xvfb-run -a -s "-screen 0 1280x720x24" $(PY) -m pytest -q

clean:
	rm -rf $(VENV) .venv-ralph .pytest_cache
