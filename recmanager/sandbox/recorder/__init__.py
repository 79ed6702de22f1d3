"""Pod's ``recorder`` app: recorders, treatments (RFT), recordings and uploaded files."""
