#!/usr/bin/env python3
"""Drives a virtual session clock over the room protocol (docs/protocol.md, "Session clocks") with
nothing but a socket: a delayed EnterRoom answer costs no wall time, and a swallowed one is ended
by the harness's own 30 s timer, in simulated time.

It expects two fault rules on the simulator (the caller adds them over the control API):
  ENTER_ROOM error 7006 after a 10 s delay for rooms "clock-delay-*", and
  ENTER_ROOM noReply for rooms "clock-silent-*".

    python3 docker/clock_smoke.py HOST PORT
"""
import socket
import sys

from gme_frames import recv, send, until_reply


def until_held(sock, request_id):
    while True:
        message = recv(sock)
        if message.get("event") == "HELD" and message["data"]["id"] == request_id:
            return message["data"]
        if message.get("id") == request_id:
            raise SystemExit("expected HELD for request %d, got %s" % (request_id, message))


def main():
    host, port = sys.argv[1], int(sys.argv[2])
    with socket.create_connection((host, port), timeout=10) as sock:
        send(sock, {"id": 1, "op": "HELLO", "args": {"version": 1, "sdk": "python-clock", "clock": "virtual"}})
        hello = until_reply(sock, 1)["data"]
        if hello["clock"] != "virtual":
            raise SystemExit("HELLO did not confirm the virtual clock: %s" % hello)
        send(sock, {"id": 2, "op": "INIT", "args": {"appId": "1400000000", "openId": "clock-1"}})
        until_reply(sock, 2)

        # A 10 s delayed 7006: the server holds it until our clock says 10 000 ms.
        send(sock, {"id": 3, "op": "ENTER_ROOM", "args": {"roomId": "clock-delay-1", "roomType": 1}})
        held = until_held(sock, 3)
        send(sock, {"id": 4, "op": "ADVANCE", "args": {"now": held["until"]}})
        entered = until_reply(sock, 3)
        advanced = until_reply(sock, 4)
        print("delayed entry: HELD until=%s, then result=%s at now=%s"
              % (held["until"], entered["result"], advanced["data"]["now"]))
        if held["until"] != 10000 or entered["result"] != 7006:
            raise SystemExit("expected 7006 held until 10000 ms")

        # A swallowed entry: HELD without "until", so our own timer fires at 30 s of simulated time.
        now = advanced["data"]["now"]
        send(sock, {"id": 5, "op": "ENTER_ROOM", "args": {"roomId": "clock-silent-1", "roomType": 1}})
        silent = until_held(sock, 5)
        if "until" in silent:
            raise SystemExit("a swallowed reply must be held without a due time: %s" % silent)
        timer = now + hello["enterRoomTimeoutMs"]
        send(sock, {"id": 6, "op": "ADVANCE", "args": {"now": timer}})
        until_reply(sock, 6)
        send(sock, {"id": 7, "op": "CANCEL_ENTER", "args": {"requestId": 5}})
        print("silent entry: HELD without until; the harness reports 1005 at now=%d" % timer)

        # The session is usable afterwards: an ordinary entry succeeds.
        send(sock, {"id": 8, "op": "ENTER_ROOM", "args": {"roomId": "clock-ok-1", "roomType": 1}})
        ok = until_reply(sock, 8)
        if ok["result"] != 0:
            raise SystemExit("expected the ordinary entry to succeed: %s" % ok)
    print("clock smoke: OK")


if __name__ == "__main__":
    main()
