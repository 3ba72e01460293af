#!/bin/sh
read -s -p "Password: " PASSWORD
export PGPASSWORD="$PASSWORD"
