"""Pure rules and values of the Framework Act on Cooperatives.

Nothing here imports Qt, SQLAlchemy or any other layer of CoopDesk: the rules can be
read, tested and changed on their own.
"""
