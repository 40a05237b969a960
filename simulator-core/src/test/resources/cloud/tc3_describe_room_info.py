#!/usr/bin/env python3
"""Calls DescribeRoomInfo on GME's server API, signed by hand with TC3-HMAC-SHA256 as
docs/server-api.md ("Signatures") describes it, using only the standard library.

Usage: TC3_SECRET_KEY=... python3 tc3_describe_room_info.py http://127.0.0.1:8080 SECRET_ID SDK_APP_ID ROOM
Prints the JSON response. The key comes from the environment, so it never shows in a process list.
"""
import datetime
import hashlib
import hmac
import json
import os
import sys
import time
import urllib.parse
import urllib.request


def sha256_hex(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def hmac_sha256(key: bytes, msg: str) -> bytes:
    return hmac.new(key, msg.encode("utf-8"), hashlib.sha256).digest()


def main() -> None:
    base, secret_id, app_id, room = sys.argv[1:5]
    secret_key = os.environ["TC3_SECRET_KEY"]
    host = urllib.parse.urlparse(base).netloc
    service = "gme"
    content_type = "application/json; charset=utf-8"
    body = json.dumps({"SdkAppId": int(app_id), "StrRoomIds": [room]}).encode("utf-8")
    timestamp = int(time.time())
    date = datetime.datetime.fromtimestamp(timestamp, datetime.timezone.utc).strftime("%Y-%m-%d")

    canonical_request = ("POST\n/\n\n" + "content-type:" + content_type + "\nhost:" + host + "\n\n"
                         + "content-type;host\n" + sha256_hex(body))
    scope = date + "/" + service + "/tc3_request"
    string_to_sign = ("TC3-HMAC-SHA256\n" + str(timestamp) + "\n" + scope + "\n"
                      + sha256_hex(canonical_request.encode("utf-8")))
    k_date = hmac_sha256(("TC3" + secret_key).encode("utf-8"), date)
    k_service = hmac_sha256(k_date, service)
    k_signing = hmac_sha256(k_service, "tc3_request")
    signature = hmac.new(k_signing, string_to_sign.encode("utf-8"), hashlib.sha256).hexdigest()
    authorization = ("TC3-HMAC-SHA256 Credential=" + secret_id + "/" + scope
                     + ", SignedHeaders=content-type;host, Signature=" + signature)

    request = urllib.request.Request(base.rstrip("/") + "/", data=body, method="POST", headers={
        "Content-Type": content_type,
        "Host": host,
        "X-TC-Action": "DescribeRoomInfo",
        "X-TC-Version": "2018-07-11",
        "X-TC-Timestamp": str(timestamp),
        "Authorization": authorization,
    })
    with urllib.request.urlopen(request, timeout=10) as response:
        sys.stdout.write(response.read().decode("utf-8"))


if __name__ == "__main__":
    main()
