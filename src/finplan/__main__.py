from finplan.cli import main

main()
