#!/bin/sh
curl -fsSLO https://example.org/tool.tgz
echo "bc14cd08db232610520f539dc40f6156c7e90009dc7c8eed159f3378e2419e08  tool.tgz" | sha256sum -c -
