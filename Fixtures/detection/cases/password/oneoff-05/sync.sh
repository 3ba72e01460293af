#!/bin/sh
sshpass -p 'ember-canyon-lantern-82' rsync -az ./dist/ deploy@web1:/srv/www/
