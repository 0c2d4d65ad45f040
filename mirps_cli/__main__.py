from mirps_cli.cli.app import main

main()
