<?php
return [
    'mysql' => [
        'driver' => 'mysql',
        'host' => '127.0.0.1',
        'username' => 'forge',
        'password' => 'ASeEVtmC1hmAuGV5rsgY',
        'charset' => 'utf8mb4',
    ],
];
