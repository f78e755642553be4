from finplan.cli import run

run()
