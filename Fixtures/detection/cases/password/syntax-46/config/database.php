<?php
return [
    'mysql' => [
        'driver' => 'mysql',
        'host' => '127.0.0.1',
        'username' => 'forge',
        'password' => 'C!pjR9PtoejZ',
        'charset' => 'utf8mb4',
    ],
];
