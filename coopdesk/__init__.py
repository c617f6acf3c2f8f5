"""CoopDesk: the records and legal documents of a small cooperative (협동조합).

Built for Korea's Framework Act on Cooperatives (협동조합 기본법).
"""

__version__ = "0.1.0"
