"""Pod over HTTP: ``rest`` (token API), ``web`` (admin session for what REST cannot do),
``notify`` (the device notify key and URL), ``model`` (typed results)."""
