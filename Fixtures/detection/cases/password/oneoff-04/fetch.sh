#!/bin/sh
wget --user=ci --password=jB_6qQDvwq!~c https://repo.internal/artifacts/app.tar.gz
