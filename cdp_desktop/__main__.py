from cdp_desktop.cli import main

raise SystemExit(main())
