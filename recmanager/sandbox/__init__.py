"""A local stand-in for Esup-Pod's recorder interface (Django + DRF), and sample recordings."""
