#!/bin/bash
export PGPASSWORD='Orchid!2016%'
pg_dump -h db -U backup shop > /backups/shop.sql
