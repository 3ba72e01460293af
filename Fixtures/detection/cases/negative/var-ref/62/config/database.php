<?php
return [
    'mysql' => [
        'driver' => 'mysql',
        'host' => '127.0.0.1',
        'username' => 'forge',
        'password' => getenv('DB_PASSWORD'),
        'charset' => 'utf8mb4',
    ],
];
