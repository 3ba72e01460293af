#!/bin/sh
curl -fsSLO https://example.org/tool.tgz
echo "c4d9fe511c4714fd8f4b24c6f27ba34de55af79a0efc32f42c19dd9b8a33c406  tool.tgz" | sha256sum -c -
