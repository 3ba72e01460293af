#!/bin/sh
mongorestore --host mongo1 --username restore --password 'LaaICPzKWnO0XKAPfcB16fUGLbApYc5' --authenticationDatabase admin dump/
