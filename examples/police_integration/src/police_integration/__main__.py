import sys

from police_integration.cli import main

sys.exit(main())
