#!/bin/sh
flyway -url=jdbc:postgresql://db/app -user=flyway -password=Harbor*1980! migrate
