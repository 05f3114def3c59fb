"""Entry point: `python main.py [command]`. Everything lives in the `game` package."""
import sys

from game.cli import main

if __name__ == "__main__":
    sys.exit(main())
