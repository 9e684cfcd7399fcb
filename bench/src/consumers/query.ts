/** The values every consumer passes, so the files differ only in how they call the API. */
export const OFFER_ID = "3f6c1a2e-9b4d-4c8e-a1f7-5d2e8b9c0a11";
export const RESOURCE_ID = "c7e9b1d3-5f2a-4e6c-8b0d-1a3c5e7f9b24";
export const SSH_KEY = "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIHc2Rw5n8g6v2VxTn0bX5p9g7Q1J9yWq3n6oQ2a8k4Zt user@example";
export const QUERY = {
  region: "EU",
  compute: { gpu_type: "H100", gpu_count: 1, max_price_per_gpu_hour: 5, contract_type: "ondemand" },
} as const;
