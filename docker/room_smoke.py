#!/usr/bin/env python3
"""Drives one room entry over the simulator's room protocol (docs/protocol.md) with nothing but a
socket, as a harness in any language would, and checks the result code.

    python3 docker/room_smoke.py HOST PORT EXPECTED_RESULT
"""
import json
import socket
import struct
import sys


def send(sock, obj):
    body = json.dumps(obj).encode()
    sock.sendall(struct.pack(">I", len(body)) + body)


def recv_exact(sock, n):
    data = b""
    while len(data) < n:
        chunk = sock.recv(n - len(data))
        if not chunk:
            raise SystemExit("connection closed by the simulator")
        data += chunk
    return data


def recv(sock):
    (length,) = struct.unpack(">I", recv_exact(sock, 4))
    return json.loads(recv_exact(sock, length))


def reply(sock, request_id):
    while True:
        message = recv(sock)
        if message.get("id") == request_id and "result" in message:
            return message


def main():
    host, port, expected = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
    with socket.create_connection((host, port), timeout=10) as sock:
        send(sock, {"id": 1, "op": "HELLO", "args": {"version": 1, "sdk": "python-smoke"}})
        hello = reply(sock, 1)
        send(sock, {"id": 2, "op": "INIT", "args": {"appId": "1400000000", "openId": "10001"}})
        init = reply(sock, 2)
        if init["result"] != 0:
            raise SystemExit("INIT failed: %s" % init)
        send(sock, {"id": 3, "op": "ENTER_ROOM", "args": {"roomId": "docker-smoke", "roomType": 1}})
        entered = reply(sock, 3)
    print("HELLO timeScale=%s; ENTER_ROOM result=%s errorInfo=%s"
          % (hello["data"].get("timeScale"), entered["result"], entered["errorInfo"]))
    if entered["result"] != expected:
        raise SystemExit("expected ENTER_ROOM result %d, got %d" % (expected, entered["result"]))


if __name__ == "__main__":
    main()
