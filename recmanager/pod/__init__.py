"""Pod over HTTP.

- ``rest``: :class:`PodClient`, Pod's REST API with a staff token (access, recorders)
- ``rest_claims``: unclaimed recordings (treatment rows), the deposit root, claims
- ``rest_users``: users, owners, video types and sites
- ``rest_videos``: videos (the one a claim produced, owner changes)
- ``rest_api``: what the REST endpoint groups share (the hyperlinks Pod expects)
- ``pages``: reading Pod's paginated lists
- ``http``: the transport (session, TLS, timeouts, retries, lost answers)
- ``http_errors``: Pod's error answers and network failures mapped to recmanager's errors
- ``web``: the admin web session, for what REST cannot do
- ``html_forms``: Django's HTML forms read as a browser reads them
- ``notify``: the device notify key and URL
- ``model``: typed results
"""
