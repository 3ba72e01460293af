#!/usr/bin/env python3
"""A loopback stand-in for the services `scan --verify` checks (Python 3 standard library only).

Started by the tests on 127.0.0.1, port 0:

    fake_services.py ROUTES.json LOG.jsonl [--tls CERT.pem KEY.pem]

prints the port it listens on (one line on stdout), then answers each request with the first route
that matches it, and appends one JSON line per event to LOG.jsonl:
{"event": "connection"}, {"event": "tls-failed"}, and for each request
{"event": "request", "method", "path", "query", "headers": {lower-cased name: value}, "route": index or null}.

ROUTES.json is a list of routes:
    {"method": "GET", "path": "/api/user",          # required; the path without the query
     "query": {"access_token": "..."},              # optional: query values that must be present
     "headers": {"Authorization": "Bearer ..."},    # optional: header values that must be present
     "times": 1,                                     # optional: the route answers only its first N hits
     "status": 200, "response_headers": {"X-OAuth-Scopes": "repo"},
     "body": "text" | "json": {...},                 # optional
     "delay": 2.5}                                   # optional: seconds to wait before answering
A request no route matches gets 404 with body "no route".
"""
import json
import socket
import ssl
import sys
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs, urlsplit


def main():
    if len(sys.argv) not in (3, 6) or (len(sys.argv) == 6 and sys.argv[3] != "--tls"):
        sys.stderr.write("usage: fake_services.py ROUTES.json LOG.jsonl [--tls CERT.pem KEY.pem]\n")
        return 2
    with open(sys.argv[1], encoding="utf-8") as f:
        routes = json.load(f)
    log = open(sys.argv[2], "a", encoding="utf-8")
    lock = threading.Lock()
    hits = [0] * len(routes)
    tls = None
    if len(sys.argv) == 6:
        tls = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
        tls.load_cert_chain(sys.argv[4], sys.argv[5])

    def record(event):
        with lock:
            log.write(json.dumps(event) + "\n")
            log.flush()

    def choose(method, path, query, headers):
        with lock:
            for index, route in enumerate(routes):
                if route.get("method", "GET") != method or route["path"] != path:
                    continue
                if any(query.get(k) != [v] for k, v in route.get("query", {}).items()):
                    continue
                if any(headers.get(k.lower()) != v for k, v in route.get("headers", {}).items()):
                    continue
                if "times" in route and hits[index] >= route["times"]:
                    continue
                hits[index] += 1
                return index, route
        return None, None

    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"

        def log_message(self, *args):
            pass

        def answer(self):
            parts = urlsplit(self.path)
            query = parse_qs(parts.query, keep_blank_values=True)
            headers = {k.lower(): v for k, v in self.headers.items()}
            length = int(self.headers.get("Content-Length") or 0)
            body_in = self.rfile.read(length) if length else b""
            index, route = choose(self.command, parts.path, query, headers)
            record({"event": "request", "method": self.command, "path": parts.path,
                    "query": {k: v[0] for k, v in query.items()}, "headers": headers,
                    "body": body_in.decode("utf-8", "replace"), "route": index})
            if route is None:
                route = {"status": 404, "body": "no route"}
            if route.get("delay"):
                time.sleep(route["delay"])
            if "json" in route:
                body = json.dumps(route["json"]).encode()
                content_type = "application/json"
            else:
                body = route.get("body", "").encode()
                content_type = "text/plain"
            self.send_response(route.get("status", 200))
            extra = route.get("response_headers", {})
            if not any(k.lower() == "content-type" for k in extra):
                self.send_header("Content-Type", content_type)
            for k, v in extra.items():
                self.send_header(k, v)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            try:
                self.wfile.write(body)
            except (BrokenPipeError, ConnectionResetError):
                pass

        do_GET = do_POST = do_PUT = do_DELETE = do_HEAD = do_PATCH = answer

    class Server(ThreadingHTTPServer):
        daemon_threads = True

        def get_request(self):
            conn, addr = self.socket.accept()
            record({"event": "connection"})
            if tls is not None:
                try:
                    conn = tls.wrap_socket(conn, server_side=True)
                except (ssl.SSLError, OSError):
                    record({"event": "tls-failed"})
                    conn.close()
                    raise OSError("tls handshake failed")
            return conn, addr

    server = Server(("127.0.0.1", 0), Handler)
    sys.stdout.write("%d\n" % server.server_address[1])
    sys.stdout.flush()
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        pass
    return 0


if __name__ == "__main__":
    sys.exit(main())
