#!/bin/sh
docker login -u releasebot -p V+sBE0~lzki registry.internal:5000
docker push registry.internal:5000/app:latest
