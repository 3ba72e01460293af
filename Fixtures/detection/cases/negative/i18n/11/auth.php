<?php
return [
    'password' => 'The provided password is incorrect.',
    'throttle' => 'Too many login attempts.',
];
