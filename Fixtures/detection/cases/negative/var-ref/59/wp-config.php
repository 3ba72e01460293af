<?php
define( 'DB_NAME', 'wordpress' );
define( 'DB_USER', 'wp' );
define( 'MYSQL_ROOT_PASSWORD', '${POSTGRES_PASSWORD:?required}' );
define( 'DB_HOST', 'localhost' );
