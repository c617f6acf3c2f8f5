"""The capital papers (출자금): share certificates, a member's capital statement, the capital
register, refund statements, and the year's papers of the capital area."""
