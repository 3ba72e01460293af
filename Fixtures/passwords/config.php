<?php
define('DB_NAME', 'shop');
define('DB_PASSWORD', 'Xp9!mRt4Lw');
return [
    'mail' => [
        'password' => 'Lk8#wPq2Zr',
        'label' => 'Password',
    ],
    'cache_password' => getenv('CACHE_PASSWORD'),
];
