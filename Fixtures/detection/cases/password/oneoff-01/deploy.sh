#!/bin/sh
set -e
mysql -h db.internal -u root -pHarbor*2008% shop < schema.sql
