"""The colours every area of the window uses to say yes, no, wait and never mind."""

GREEN, RED, AMBER, GREY = "#1b7f3b", "#b00020", "#8a5a00", "#5f6368"
