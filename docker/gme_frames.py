"""The room protocol's framing (docs/protocol.md): a 4-byte big-endian length, then UTF-8 JSON."""
import json
import struct


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


def until_reply(sock, request_id):
    """Reads frames until the reply to request_id, skipping events."""
    while True:
        message = recv(sock)
        if message.get("id") == request_id and "result" in message:
            return message
