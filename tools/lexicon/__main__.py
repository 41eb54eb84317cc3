"""``python -m tools.lexicon [--data DIR] [--out DIR]`` -> ``build.main``'s exit status."""

from tools.lexicon.build import main

raise SystemExit(main())
