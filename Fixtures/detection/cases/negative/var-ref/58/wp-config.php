<?php
define( 'DB_NAME', 'wordpress' );
define( 'DB_USER', 'wp' );
define( 'POSTGRES_PASSWORD', '$DB_PASSWORD' );
define( 'DB_HOST', 'localhost' );
