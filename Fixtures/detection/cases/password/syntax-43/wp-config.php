<?php
define( 'DB_NAME', 'wordpress' );
define( 'DB_USER', 'wp' );
define( 'DB_PASSWORD', 'M25dPdz51nFSEvtLwkqQxFbitWSq' );
define( 'DB_HOST', 'localhost' );
