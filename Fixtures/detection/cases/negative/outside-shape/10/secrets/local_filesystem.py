"""Connections file, one a line:

    MY_CONN_ID=my-conn-type://my-login:my-pa%2Fssword@my-host:5432/my-schema
"""
