"""The deploy plugin: the CSP and header files (_headers, _nginx/*.conf) and nginx's locale map."""
