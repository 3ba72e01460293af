<?php
define( 'DB_NAME', 'wordpress' );
define( 'DB_USER', 'wp' );
define( 'POSTGRES_PASSWORD', 'Lantern!2017!' );
define( 'DB_HOST', 'localhost' );
