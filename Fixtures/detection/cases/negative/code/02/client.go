func newClient(sid string) *Client {
	password := GetToken(sid)
	return &Client{Password: password}
}
