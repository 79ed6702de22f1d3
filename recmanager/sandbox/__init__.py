"""A local stand-in for Esup-Pod's recorder interface (Django + DRF), and sample recordings.

It keeps its own copies of Pod's rules — the notify key (``cron.notify_key``), a recorder's
mode from its manager and automatic publishing, the deposit layout — on purpose, rather than
importing the client's (``recmanager.pod``, ``recmanager.recorders.mode``): it must behave like
Pod even where the client is wrong, or the tests that hold the client to it could not fail.
Both sides are held to the captured Pod 4.1 exchanges in tests/data/pod-4.1/.
"""
