proxmox_password = "Falcon*1972%"
