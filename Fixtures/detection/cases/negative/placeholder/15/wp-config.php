<?php
define( 'DB_NAME', 'wordpress' );
define( 'DB_USER', 'wp' );
define( 'SMTP_PASS', 's3cr3t' );
define( 'DB_HOST', 'localhost' );
