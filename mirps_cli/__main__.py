from mirps_cli.cli.main import main

main()
