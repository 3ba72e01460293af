#!/bin/sh
git clone https://deploy:Maple.1973~@git.acme.test/ops/infra.git
