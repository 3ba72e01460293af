<?php
define( 'DB_NAME', 'wordpress' );
define( 'DB_USER', 'wp' );
define( 'MYSQL_ROOT_PASSWORD', 'orchid-juniper-lantern-74' );
define( 'DB_HOST', 'localhost' );
