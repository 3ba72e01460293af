<?php
return [
    'mysql' => [
        'driver' => 'mysql',
        'host' => '127.0.0.1',
        'username' => 'forge',
        'password' => '3PgPMV0caIzCTqiqkXwRpAeI',
        'charset' => 'utf8mb4',
    ],
];
