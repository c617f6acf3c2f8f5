"""The education area (교육): sessions, who attended, the orientation owed, and the papers."""
