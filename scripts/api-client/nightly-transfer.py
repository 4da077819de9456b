#!/usr/bin/env python3
"""A register's nightly job against the portal's REST API (docs/api.md, "A client: the nightly transfer").

Requests a transfer of one ACTIVE dataset to an embassy site, polls it until the workflow ends and prints the
transfer with its evidence (the verified snapshot the site holds, the bytes sent) as JSON on stdout.

Signing in, whichever the portal uses:
  * Keycloak (production): KEYCLOAK_TOKEN_URL, KEYCLOAK_CLIENT_ID and KEYCLOAK_CLIENT_SECRET — the client-credentials
    grant of a confidential client whose service account holds the portal role DATA_OWNER; the token goes as a
    bearer token (no session, no CSRF).
  * Local accounts (embedded default): PORTAL_USER and PORTAL_PASSWORD — the login form, then the session's CSRF
    token (GET /api/csrf) on the POST.
Secrets are read from the environment only, never from arguments (they would show in `ps`).

Exit status: 0 COMPLETED, 2 refused (DENIED or REJECTED: the reasons are printed), 1 anything else (an error, or
still running after --timeout seconds).
"""
import argparse
import http.cookiejar
import json
import os
import re
import sys
import time
import urllib.error
import urllib.parse
import urllib.request

FINAL = {"COMPLETED": 0, "DENIED": 2, "REJECTED": 2}


class Portal:
    def __init__(self, base):
        self.base = base.rstrip("/")
        self.jar = http.cookiejar.CookieJar()
        self.opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(self.jar))
        self.headers = {}

    def call(self, method, path, body=None):
        data = None if body is None else json.dumps(body).encode()
        headers = dict(self.headers, Accept="application/json")
        if data is not None:
            headers["Content-Type"] = "application/json"
        request = urllib.request.Request(self.base + path, data=data, method=method, headers=headers)
        try:
            with self.opener.open(request, timeout=30) as response:
                return response.status, json.loads(response.read() or b"null")
        except urllib.error.HTTPError as e:
            problem = e.read().decode(errors="replace")
            raise SystemExit(f"{method} {path}: HTTP {e.code}: {problem}") from None

    def keycloak(self, token_url, client_id, secret):
        form = urllib.parse.urlencode({"grant_type": "client_credentials", "client_id": client_id,
                                       "client_secret": secret}).encode()
        with urllib.request.urlopen(urllib.request.Request(token_url, data=form), timeout=30) as response:
            self.headers["Authorization"] = "Bearer " + json.loads(response.read())["access_token"]

    def form_login(self, user, password):
        with self.opener.open(self.base + "/login", timeout=30) as page:
            html = page.read().decode()
        meta = dict(re.findall(r'<meta name="(_csrf(?:_parameter)?)" content="([^"]*)"', html))
        form = urllib.parse.urlencode({"username": user, "password": password,
                                       meta["_csrf_parameter"]: meta["_csrf"]}).encode()
        with self.opener.open(urllib.request.Request(self.base + "/login", data=form), timeout=30) as response:
            if "error" in response.geturl():
                raise SystemExit("sign-in refused for " + user)
        _, csrf = self.call("GET", "/api/csrf")
        self.headers[csrf["headerName"]] = csrf["token"]


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--portal", required=True, help="the portal's base URL, e.g. https://portal.example.gov")
    parser.add_argument("--dataset", required=True, help="the ACTIVE dataset's id")
    parser.add_argument("--site", required=True, help="the embassy site, e.g. embassy-lu")
    parser.add_argument("--timeout", type=int, default=3600, help="seconds to wait for the workflow (default 3600)")
    parser.add_argument("--poll", type=float, default=5.0, help="seconds between polls (default 5)")
    args = parser.parse_args()

    portal = Portal(args.portal)
    if os.environ.get("KEYCLOAK_TOKEN_URL"):
        portal.keycloak(os.environ["KEYCLOAK_TOKEN_URL"], os.environ["KEYCLOAK_CLIENT_ID"],
                        os.environ["KEYCLOAK_CLIENT_SECRET"])
    else:
        portal.form_login(os.environ["PORTAL_USER"], os.environ["PORTAL_PASSWORD"])

    _, transfer = portal.call("POST", "/api/transfers", {"datasetId": args.dataset, "site": args.site})
    print(f"requested transfer {transfer['id']} ({transfer['status']})", file=sys.stderr)
    deadline = time.monotonic() + args.timeout
    while transfer["status"] not in FINAL and time.monotonic() < deadline:
        time.sleep(args.poll)
        _, transfer = portal.call("GET", "/api/transfers/" + transfer["id"])
    print(json.dumps(transfer, indent=2))
    if transfer["status"] not in FINAL:
        print(f"still {transfer['status']} after {args.timeout} s", file=sys.stderr)
        return 1
    return FINAL[transfer["status"]]


if __name__ == "__main__":
    sys.exit(main())
