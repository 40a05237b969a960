#!/usr/bin/env python3
"""Drives one room entry over the simulator's room protocol (docs/protocol.md) with nothing but a
socket, as a harness in any language would, and checks the result code.

    python3 docker/room_smoke.py HOST PORT EXPECTED_RESULT
"""
import socket
import sys

from gme_frames import send, until_reply


def main():
    host, port, expected = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
    with socket.create_connection((host, port), timeout=10) as sock:
        send(sock, {"id": 1, "op": "HELLO", "args": {"version": 1, "sdk": "python-smoke"}})
        hello = until_reply(sock, 1)
        send(sock, {"id": 2, "op": "INIT", "args": {"appId": "1400000000", "openId": "10001"}})
        init = until_reply(sock, 2)
        if init["result"] != 0:
            raise SystemExit("INIT failed: %s" % init)
        send(sock, {"id": 3, "op": "ENTER_ROOM", "args": {"roomId": "docker-smoke", "roomType": 1}})
        entered = until_reply(sock, 3)
    print("HELLO timeScale=%s; ENTER_ROOM result=%s errorInfo=%s"
          % (hello["data"].get("timeScale"), entered["result"], entered["errorInfo"]))
    if entered["result"] != expected:
        raise SystemExit("expected ENTER_ROOM result %d, got %d" % (expected, entered["result"]))


if __name__ == "__main__":
    main()
